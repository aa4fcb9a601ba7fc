import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSALS, type Lead, type LEAD_ACTIONS } from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { useRefreshAll } from '../common/case-data';
import { DateInput, notBefore } from '../common/date-input';

type Action = (typeof LEAD_ACTIONS)[number];
interface Values {
  note?: string;
  disposal?: (typeof DISPOSALS)[number];
  receivingBody?: string;
  result?: string;
  feedbackDate?: string;
}

/** One step of the lead's lifecycle, signed by the user taking it. */
export function LeadStepModal({
  lead,
  action,
  onClose,
}: {
  lead: Lead;
  action: Action | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshAll();
  const step = useMutation({
    mutationFn: (v: Values) =>
      call('leads:transition', {
        id: lead.id,
        action: action!,
        note: v.note?.trim() || undefined,
        disposal: v.disposal,
        receivingBody: v.receivingBody?.trim() || undefined,
        result: v.result?.trim() || undefined,
        feedbackDate: v.feedbackDate,
      }),
    onSuccess: () => {
      void message.success(t(`leads.actions.${action ?? 'propose'}`));
      refresh();
      onClose();
    },
  });
  const required = { required: true, whitespace: true, message: t('leads.form.required') };
  const resetStep = step.reset;
  // Each opening starts empty. Resetting after the close animation instead wiped what was
  // typed into the next step when it was opened before that animation ended.
  useLayoutEffect(() => {
    if (action === null) return;
    form.resetFields();
    resetStep();
  }, [action, form, resetStep]);

  return (
    <Modal
      open={action !== null}
      title={action ? t(`leads.actions.${action}`) : null}
      destroyOnHidden
      onCancel={() => !step.isPending && onClose()}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={step.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={step.isPending}
          onClick={() => form.submit()}
          data-testid="lead-step-submit"
        >
          {action ? t(`leads.actions.${action}`) : null}
        </Button>,
      ]}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => step.mutate(v)} style={{ marginTop: 16 }}>
        {action === 'propose' ? (
          <Form.Item name="disposal" label={t('leads.stepForm.disposal')} rules={[required]}>
            <Select
              data-testid="lead-step-disposal"
              options={DISPOSALS.map((d) => ({ value: d, label: t(`leads.disposals.${d}`) }))}
            />
          </Form.Item>
        ) : null}
        {action === 'transfer' ? (
          <Form.Item
            name="receivingBody"
            label={t('leads.stepForm.receivingBody')}
            rules={[required, { max: 100, message: t('validation.maxLength', { max: 100 }) }]}
          >
            <Input data-testid="lead-step-receiving-body" />
          </Form.Item>
        ) : null}
        {action === 'conclude' || action === 'record_feedback' ? (
          <Form.Item
            name="result"
            label={t('leads.stepForm.result')}
            rules={[
              action === 'conclude' ? required : {},
              { max: 2000, message: t('validation.maxLength', { max: 2000 }) },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
        {action === 'record_feedback' ? (
          <Form.Item
            name="feedbackDate"
            label={t('leads.stepForm.feedbackDate')}
            rules={[required, notBefore(lead.receivedDate, t('intake.dateOrder'))]}
          >
            <DateInput />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={t('leads.stepForm.note')}
          rules={[{ max: 1000, message: t('validation.maxLength', { max: 1000 }) }]}
        >
          <Input.TextArea rows={2} data-testid="lead-step-note" />
        </Form.Item>
        <ErrorAlert result={step} data-testid="lead-step-error" />
      </Form>
    </Modal>
  );
}
