import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  REPLY_KINDS,
  REPLY_WAYS,
  SCOPE_DECISIONS,
  type IntakeItem,
} from '../../../../../shared/contracts/intake-leads';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { useCaseUsers, useRefreshAll } from '../common/case-data';
import { DateInput, notBefore, todayText } from '../common/date-input';
import { FormModal } from '../../../components/form-modal';

export type IntakeAction = 'decide' | 'close' | 'reply' | 'setOwner';

type Values = Record<string, string | undefined>;

/** One small form per action on an intake item (decision, closing, reply, owner). */
export function IntakeActionModal({
  item,
  action,
  onClose,
}: {
  item: IntakeItem;
  action: IntakeAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('scopeDecision', form);
  const users = useCaseUsers(item.caseId);
  const refresh = useRefreshAll();
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (action === 'reply') {
        return call('intake:addReply', {
          intakeId: item.id,
          kind: v.kind as (typeof REPLY_KINDS)[number],
          date: v.date!,
          way: v.way as (typeof REPLY_WAYS)[number],
          text: v.text!.trim(),
        });
      }
      if (action === 'close') return call('intake:update', { id: item.id, closedDate: v.date! });
      if (action === 'setOwner')
        return call('intake:update', { id: item.id, ownerUserId: v.ownerUserId ?? null });
      return call('intake:update', {
        id: item.id,
        scopeDecision: v.scopeDecision as (typeof SCOPE_DECISIONS)[number],
        scopeReason: v.scopeReason?.trim() || undefined,
        decidedDate: v.date!,
      });
    },
    onSuccess: () => {
      void message.success(t(`intake.detail.${action ?? 'decide'}`));
      refresh();
      onClose();
    },
  });
  const required = { required: true, whitespace: true, message: t('intake.form.required') };
  const dateRules = [required, notBefore(item.receivedDate, t('intake.dateOrder'))];
  const initialValues = {
    date: todayText(),
    kind: item.status === 'closed' ? 'result' : 'acknowledgement',
    way: 'phone',
    ownerUserId: item.owner?.id,
    scopeDecision: item.scopeDecision ?? 'accept',
  };
  const title = action === 'reply' ? t('intake.replyForm.title') : action ? t(`intake.detail.${action}`) : '';

  return (
    <FormModal
      open={action !== null}
      title={title}
      form={form}
      save={save}
      onClose={onClose}
      submitTestId="intake-action-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => save.mutate(v)}
        style={{ marginTop: 16 }}
      >
        {action === 'setOwner' ? (
          <Form.Item name="ownerUserId" label={t('intake.columns.owner')}>
            <Select
              allowClear
              options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              data-testid="intake-action-owner"
            />
          </Form.Item>
        ) : null}
        {action === 'decide' ? (
          <>
            <Form.Item name="scopeDecision" label={t('intake.decideForm.decision')} rules={[required]}>
              <Select
                options={SCOPE_DECISIONS.map((s) => ({ value: s, label: t(`intake.scopes.${s}`) }))}
                data-testid="intake-action-decision"
              />
            </Form.Item>
            <Form.Item
              name="scopeReason"
              label={t('intake.decideForm.reason')}
              rules={[
                decision === 'not_accepted'
                  ? { ...required, message: t('intake.decideForm.reasonRequired') }
                  : {},
                { max: 500, message: t('validation.maxLength', { max: 500 }) },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : null}
        {action === 'reply' ? (
          <>
            <Form.Item name="kind" label={t('intake.replyForm.kind')} rules={[required]}>
              <Select options={REPLY_KINDS.map((k) => ({ value: k, label: t(`intake.replyKinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="way" label={t('intake.replyForm.way')} rules={[required]}>
              <Select options={REPLY_WAYS.map((w) => ({ value: w, label: t(`intake.replyWays.${w}`) }))} />
            </Form.Item>
            <Form.Item
              name="text"
              label={t('intake.replyForm.text')}
              rules={[required, { max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}
            >
              <Input.TextArea rows={3} data-testid="intake-action-text" />
            </Form.Item>
          </>
        ) : null}
        {action !== 'setOwner' ? (
          <Form.Item name="date" label={t('intake.replyForm.date')} rules={dateRules}>
            <DateInput />
          </Form.Item>
        ) : null}
        <ErrorAlert result={save} />
      </Form>
    </FormModal>
  );
}
