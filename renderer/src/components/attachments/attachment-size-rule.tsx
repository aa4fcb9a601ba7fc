import { App, Button, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficeRules } from '../../../../shared/office-rules';
import { useRefMutation } from '../../features/reference/queries';
import { ErrorAlert } from '../error-alert';

const MIB = 1024 * 1024;
/** The office rule's bounds (shared/office-rules.ts: 1 KiB … 512 MiB), in megabytes. */
const MIN_MB = 0.1;
const MAX_MB = 512;
const RULE_KEY = 'attachments';
const NUMBER = 'number';

/** The office rule "largest attachment", edited in megabytes on the rules page. */
export function AttachmentSizeRule({
  value,
  canEdit,
}: {
  value: OfficeRules['attachments'];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useRefMutation('rules:update', () => void message.success(t('attachments.rule.saved')));
  return (
    <Form
      layout="horizontal"
      labelCol={{ span: 8 }}
      wrapperCol={{ span: 8 }}
      initialValues={{ maxMb: Math.round((value.maxBytes / MIB) * 10) / 10 }}
      disabled={!canEdit}
      onFinish={(v: { maxMb: number }) =>
        save.mutate({ key: RULE_KEY, value: { maxBytes: Math.round(v.maxMb * MIB) } })
      }
    >
      <Form.Item
        name="maxMb"
        label={t('attachments.rule.maxMb')}
        extra={t('attachments.rule.hint')}
        rules={[
          {
            required: true,
            type: NUMBER,
            min: MIN_MB,
            max: MAX_MB,
            message: t('attachments.rule.range', { min: MIN_MB, max: MAX_MB }),
          },
        ]}
      >
        <InputNumber
          min={MIN_MB}
          max={MAX_MB}
          step={1}
          precision={1}
          suffix="MB"
          data-testid="rule-attachments-max"
        />
      </Form.Item>
      <ErrorAlert result={save} style={{ marginBottom: 12 }} />
      {canEdit ? (
        <Form.Item wrapperCol={{ offset: 8 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="rule-save-attachments"
          >
            {t('common.save')}
          </Button>
        </Form.Item>
      ) : null}
    </Form>
  );
}
