import { Alert, Button, Checkbox, Flex, Form, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TRANSFER_MAX_RECIPIENTS,
  TRANSFER_MODES,
  type TransferMode,
} from '../../../../shared/contracts/transfer';
import { useCurrentCase } from '../../app/current-case';
import { ErrorAlert } from '../../components/error-alert';
import { useCases } from '../reference/queries';
import { useRecipientOptions } from './trusted-offices';

export interface ExportScope {
  allCases: boolean;
  caseIds: string[];
  recipients: string[];
  mode: TransferMode;
}

const ALL = 'all';
const ARRAY = 'array';
const MODE_OPTIONS = TRANSFER_MODES;
const SELECTED = 'selected';

/** Step 1: which cases, to which trusted offices, full or incremental. */
export function ExportScopeStep({
  initial,
  onNext,
}: {
  initial: ExportScope | null;
  onNext: (scope: ExportScope) => void;
}) {
  const { t } = useTranslation();
  const { caseId } = useCurrentCase();
  const cases = useCases();
  const offices = useRecipientOptions();
  const [form] = Form.useForm<{
    which: string;
    caseIds: string[];
    recipients: string[];
    mode: TransferMode;
  }>();
  const which = Form.useWatch('which', form);
  const mine = (cases.data ?? []).filter((c) => c.myGroupRole !== null);
  const usable = (offices.data ?? []).filter((o) => !o.revoked);

  // The case chosen in the header after this form was first shown becomes the preselection too.
  useEffect(() => {
    if (initial || !caseId) return;
    const chosen = form.getFieldValue('caseIds') as string[] | undefined;
    if (!chosen?.length) form.setFieldsValue({ caseIds: [caseId] });
  }, [caseId, initial, form]);

  const start = initial ?? { allCases: false, caseIds: caseId ? [caseId] : [], recipients: [], mode: 'full' };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={{
        which: start.allCases ? ALL : SELECTED,
        caseIds: start.caseIds,
        recipients: start.recipients,
        mode: start.mode,
      }}
      onFinish={(v) =>
        onNext({
          allCases: v.which === ALL,
          caseIds: v.which === ALL ? [] : v.caseIds,
          recipients: v.recipients,
          mode: v.mode,
        })
      }
      data-testid="export-scope-form"
    >
      <ErrorAlert result={cases} style={{ marginBottom: 16 }} />
      <ErrorAlert result={offices} style={{ marginBottom: 16 }} />
      <Form.Item name="which" label={t('transfer.export.casesLabel')}>
        <Radio.Group
          options={[
            { value: SELECTED, label: t('transfer.export.casesSelected') },
            { value: ALL, label: t('transfer.export.casesAll', { count: mine.length }) },
          ]}
          data-testid="export-which"
        />
      </Form.Item>
      {which !== ALL ? (
        <Form.Item
          name="caseIds"
          label={t('transfer.export.casesPick')}
          rules={[{ required: true, type: ARRAY, min: 1, message: t('transfer.export.casesRequired') }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={cases.isPending}
            notFoundContent={t('reference.cases.noOwnCases')}
            options={mine.map((c) => ({ value: c.id, label: `${c.code} ${c.unitName}` }))}
            data-testid="export-cases"
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="recipients"
        label={t('transfer.export.recipientsLabel')}
        extra={t('transfer.export.recipientsHelp')}
        rules={[
          { required: true, type: ARRAY, min: 1, message: t('transfer.export.recipientsRequired') },
          {
            type: ARRAY,
            max: TRANSFER_MAX_RECIPIENTS,
            message: t('transfer.export.recipientsTooMany', { max: TRANSFER_MAX_RECIPIENTS }),
          },
        ]}
      >
        <Checkbox.Group style={{ width: '100%' }} data-testid="export-recipients">
          <Flex vertical gap={8}>
            {(offices.data ?? []).map((o) => (
              <Checkbox
                key={o.officeId}
                value={o.officeId}
                disabled={o.revoked}
                data-testid={`export-recipient-${o.officeId}`}
              >
                <Space size={12}>
                  <Typography.Text strong={!o.revoked} delete={o.revoked}>
                    {o.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" code>
                    {o.fingerprint}
                  </Typography.Text>
                  {o.revoked ? (
                    <Typography.Text type="danger">{t('transfer.export.revoked')}</Typography.Text>
                  ) : null}
                </Space>
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      {offices.isSuccess && usable.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('transfer.export.noRecipients')}
          style={{ marginBottom: 16 }}
          data-testid="export-no-recipients"
        />
      ) : null}
      <Form.Item name="mode" label={t('transfer.export.modeLabel')} extra={t('transfer.export.modeHelp')}>
        <Radio.Group
          options={[...MODE_OPTIONS.map((m) => ({ value: m, label: t(`transfer.modes.${m}`) }))]}
          data-testid="export-mode"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="export-scope-next">
        {t('transfer.export.toPreview')}
      </Button>
    </Form>
  );
}
