import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Typography } from 'antd';
import { PathInput } from './path-input';
import { useTranslation } from 'react-i18next';
import { TRANSFER_PATH_MAX, type ImportPreview } from '../../../../shared/contracts/transfer';
import { call, isApiError } from '../../api/client';
import { errorMessage } from '../../i18n/i18n';

/** Step 1: the bundle file on the medium (its .minisig beside it); opening checks and stages it, merging nothing. */
export function ImportOpenStep({ onOpened }: { onOpened: (preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const open = useMutation({
    mutationFn: (file: string) => call('transfer:importOpen', { file }),
    onSuccess: onOpened,
  });
  const fingerprint = isApiError(open.error) ? open.error.details?.fingerprint : undefined;
  return (
    <Form<{ file: string }>
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={{ file: '' }}
      onFinish={(v) => open.mutate(v.file.trim())}
      data-testid="import-open-form"
    >
      <Form.Item
        name="file"
        label={t('transfer.import.file')}
        extra={t('transfer.import.fileHelp')}
        rules={[
          { required: true, whitespace: true, message: t('transfer.import.fileRequired') },
          { max: TRANSFER_PATH_MAX, message: t('validation.maxLength', { max: TRANSFER_PATH_MAX }) },
        ]}
      >
        <PathInput
          purpose="importBundle"
          placeholder={t('transfer.import.filePlaceholder')}
          testId="import-file"
        />
      </Form.Item>
      {open.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-refused"
          title={t('transfer.import.refused')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="import-refused-reason">
                {errorMessage(t, open.error)}
              </Typography.Paragraph>
              {typeof fingerprint === 'string' ? (
                <Typography.Text data-testid="import-refused-fingerprint">
                  {t('transfer.import.signerFingerprint')}{' '}
                  <Typography.Text code>{fingerprint}</Typography.Text>
                </Typography.Text>
              ) : null}
            </>
          }
        />
      ) : null}
      <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="import-open">
        {t('transfer.import.open')}
      </Button>
    </Form>
  );
}
