import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Space } from 'antd';
import { PathInput } from './path-input';
import { useTranslation } from 'react-i18next';
import {
  TRANSFER_DESCRIPTION_MAX,
  TRANSFER_EXPIRY_DAYS_DEFAULT,
  TRANSFER_EXPIRY_DAYS_MAX,
  TRANSFER_MEDIA_LABEL_MAX,
  TRANSFER_PATH_MAX,
  type ExportResult,
  type ExportScopeInput,
} from '../../../../shared/contracts/transfer';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { transferKeys } from './transfer-data';

interface TargetValues {
  outDir: string;
  mediaLabel: string;
  expiresInDays: number;
  description: string;
}

/** Step 3: where the files go (the removable medium's folder), its registered label, expiry and a note. */
export function ExportTargetStep({
  input,
  onBack,
  onDone,
}: {
  input: ExportScopeInput;
  onBack: () => void;
  onDone: (result: ExportResult) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<TargetValues>();
  const write = useMutation({
    mutationFn: (v: TargetValues) => call('transfer:export', { ...input, ...v }),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: transferKeys.root });
      onDone(result);
    },
  });
  return (
    <Form<TargetValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={{
        outDir: '',
        mediaLabel: '',
        expiresInDays: TRANSFER_EXPIRY_DAYS_DEFAULT,
        description: '',
      }}
      onFinish={(v) => write.mutate(v)}
      data-testid="export-target-form"
    >
      <Alert type="info" showIcon title={t('transfer.export.mediaNotice')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="outDir"
        label={t('transfer.export.outDir')}
        extra={t('transfer.export.outDirHelp')}
        rules={[
          { required: true, whitespace: true, message: t('transfer.export.outDirRequired') },
          { max: TRANSFER_PATH_MAX, message: t('validation.maxLength', { max: TRANSFER_PATH_MAX }) },
        ]}
      >
        <PathInput
          purpose="exportFolder"
          placeholder={t('transfer.export.outDirPlaceholder')}
          testId="export-out-dir"
        />
      </Form.Item>
      <Form.Item
        name="mediaLabel"
        label={t('transfer.export.mediaLabel')}
        extra={t('transfer.export.mediaLabelHelp')}
        rules={[
          { required: true, whitespace: true, message: t('transfer.export.mediaLabelRequired') },
          {
            max: TRANSFER_MEDIA_LABEL_MAX,
            message: t('validation.maxLength', { max: TRANSFER_MEDIA_LABEL_MAX }),
          },
        ]}
      >
        <Input style={{ maxWidth: 320 }} data-testid="export-media-label" />
      </Form.Item>
      <Form.Item
        name="expiresInDays"
        label={t('transfer.export.expiresInDays')}
        rules={[{ required: true, message: t('transfer.export.expiresRequired') }]}
      >
        <InputNumber
          min={1}
          max={TRANSFER_EXPIRY_DAYS_MAX}
          precision={0}
          suffix={t('transfer.export.days')}
          style={{ width: 160 }}
          data-testid="export-expires"
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('transfer.export.description')}
        extra={t('transfer.export.descriptionHelp')}
        rules={[
          {
            max: TRANSFER_DESCRIPTION_MAX,
            message: t('validation.maxLength', { max: TRANSFER_DESCRIPTION_MAX }),
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          showCount
          maxLength={TRANSFER_DESCRIPTION_MAX}
          data-testid="export-description"
        />
      </Form.Item>
      <ErrorAlert result={write} style={{ marginBottom: 16 }} data-testid="export-error" />
      <Space>
        <Button onClick={onBack} disabled={write.isPending} data-testid="export-target-back">
          {t('transfer.back')}
        </Button>
        <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="export-submit">
          {t('transfer.export.submit')}
        </Button>
      </Space>
    </Form>
  );
}
