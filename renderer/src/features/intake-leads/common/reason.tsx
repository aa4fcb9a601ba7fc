import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';

export const REASON_MAX = 500;

/** The optional "reason for change" of an edit form; it shows in the record's history. */
export function ReasonField({ 'data-testid': testId }: { 'data-testid': string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('editing.common.reason')}
      extra={t('editing.common.reasonHint')}
      rules={[{ max: REASON_MAX, message: t('validation.maxLength', { max: REASON_MAX }) }]}
    >
      <Input.TextArea rows={2} maxLength={REASON_MAX} showCount data-testid={testId} />
    </Form.Item>
  );
}

/**
 * Removing a record: a tombstone, never a hard delete, with a required reason that the
 * record's history keeps. The mutation gets the trimmed reason.
 */
export function RemoveModal({
  open,
  title,
  hint,
  mutation,
  onClose,
  'data-testid': testId,
}: {
  open: boolean;
  title: string;
  hint: string;
  mutation: UseMutationResult<unknown, Error, string>;
  onClose: () => void;
  /** Prefix of the modal's test ids. */
  'data-testid': string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      destroyOnHidden
      onCancel={() => !mutation.isPending && onClose()}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
      }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={mutation.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          danger
          type="primary"
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid={`${testId}-submit`}
        >
          {t('common.remove')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={hint} style={{ margin: '16px 0' }} />
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('editing.common.removeReason')}
          rules={[
            { required: true, whitespace: true, message: t('editing.common.reasonRequired') },
            { max: REASON_MAX, message: t('validation.maxLength', { max: REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
      <ErrorAlert result={mutation} data-testid={`${testId}-error`} />
    </Modal>
  );
}
