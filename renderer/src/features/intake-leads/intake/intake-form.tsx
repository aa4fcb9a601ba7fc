import { useMutation } from '@tanstack/react-query';
import { Alert, App, Divider, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  INTAKE_CHANNELS,
  LEDGER_NUMBER_PATTERN,
  REPORTER_READERS,
  type IntakeItem,
} from '../../../../../shared/contracts/intake-leads';
import type { Role } from '../../../../../shared/roles';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { useCaseUsers, useRefreshAll } from '../common/case-data';
import { DateInput, todayText } from '../common/date-input';
import { ReasonField } from '../common/reason';
import { fromSubjects, SubjectsField, toSubjectInputs, type SubjectValue } from '../common/subjects-field';
import { FormModal } from '../../../components/form-modal';

interface Values {
  number?: string;
  channel: (typeof INTAKE_CHANNELS)[number];
  receivedDate: string;
  realName: boolean;
  reporterName?: string;
  reporterUnit?: string;
  reporterContact?: string;
  summary: string;
  content: string;
  subjects?: SubjectValue[];
  ownerUserId?: string;
  reason?: string;
}

const BUTTONS = { optionType: 'button' } as const;
const DIVIDER = { titlePlacement: 'start' } as const;
const SUBJECTS = 'subjects';
const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function maySeeReporter(roles: readonly Role[]): boolean {
  return roles.some((r) => (REPORTER_READERS as readonly string[]).includes(r));
}

function initialValues(item: IntakeItem | undefined): Partial<Values> {
  if (!item) return { channel: 'letter', realName: false, receivedDate: todayText(), subjects: [] };
  return {
    channel: item.channel,
    receivedDate: item.receivedDate,
    realName: item.realName,
    reporterName: item.reporter?.name ?? undefined,
    reporterUnit: item.reporter?.unitOrAddress ?? undefined,
    reporterContact: item.reporter?.contact ?? undefined,
    summary: item.summary,
    content: item.content,
    subjects: fromSubjects(item.subjects),
  };
}

/**
 * Registers one intake item, or edits a registered one (`item`). The reporter section
 * shows only for a real-name report, and only to roles that may see the reporter
 * (`withReporter`); others edit the rest and never send it.
 */
export function IntakeForm({
  caseId,
  open,
  item,
  withReporter = false,
  onClose,
}: {
  caseId: string;
  open: boolean;
  /** The item to edit; none: register a new one. */
  item?: IntakeItem;
  /** May the user see (and so edit) the reporter section? Only used when editing. */
  withReporter?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const realName = Form.useWatch('realName', form);
  const users = useCaseUsers(caseId);
  const refresh = useRefreshAll();
  const editing = item !== undefined;
  const reporterOf = (v: Values) => ({
    name: optional(v.reporterName),
    unitOrAddress: optional(v.reporterUnit),
    contact: optional(v.reporterContact),
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        channel: v.channel,
        receivedDate: v.receivedDate,
        summary: v.summary.trim(),
        content: v.content.trim(),
        subjects: toSubjectInputs(v.subjects),
      };
      if (item) {
        return call('intake:edit', {
          id: item.id,
          ...common,
          ...(withReporter ? { realName: v.realName, reporter: v.realName ? reporterOf(v) : null } : {}),
          reason: optional(v.reason),
        });
      }
      return call('intake:create', {
        caseId,
        number: optional(v.number),
        ...common,
        realName: v.realName,
        ...(v.realName ? { reporter: reporterOf(v) } : {}),
        ownerUserId: v.ownerUserId,
      });
    },
    onSuccess: (saved) => {
      void message.success(
        editing
          ? t('editing.intake.saved', { number: saved.number })
          : `${t('intake.create')} ${saved.number}`,
      );
      refresh();
      onClose();
    },
  });
  const required = { required: true, whitespace: true, message: t('intake.form.required') };
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });

  return (
    <FormModal
      open={open}
      title={item ? t('editing.intake.editTitle', { number: item.number }) : t('intake.form.title')}
      width={760}
      form={form}
      save={save}
      onClose={onClose}
      submitTestId="intake-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(item)}
        onFinish={(v) => save.mutate(v)}
        style={{ marginTop: 16 }}
      >
        {editing ? null : (
          <Form.Item
            name="number"
            label={t('editing.number.label')}
            extra={t('editing.number.hint')}
            rules={[{ pattern: LEDGER_NUMBER_PATTERN, message: t('editing.number.invalid') }]}
          >
            <Input
              maxLength={40}
              placeholder={t('editing.number.placeholder')}
              data-testid="intake-form-number"
            />
          </Form.Item>
        )}
        <Form.Item name="channel" label={t('intake.columns.channel')} rules={[required]}>
          <Radio.Group
            {...BUTTONS}
            data-testid="intake-form-channel"
            options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="receivedDate"
          label={t('intake.columns.receivedDate')}
          rules={[{ required: true, message: t('intake.form.required') }]}
        >
          <DateInput data-testid="intake-form-date" />
        </Form.Item>
        {withReporter || !editing ? (
          <Form.Item name="realName" label={t('intake.columns.realName')}>
            <Radio.Group
              data-testid="intake-form-real-name"
              options={[
                { value: false, label: t('intake.realNames.anonymous') },
                { value: true, label: t('intake.realNames.real') },
              ]}
            />
          </Form.Item>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('editing.intake.reporterLocked')}
            style={{ marginBottom: 16 }}
            data-testid="intake-form-reporter-locked"
          />
        )}
        {realName && (withReporter || !editing) ? (
          <>
            <Divider {...DIVIDER}>{t('intake.form.reporterSection')}</Divider>
            <Form.Item
              name="reporterName"
              label={t('intake.form.reporterName')}
              rules={[{ ...required, message: t('intake.form.realNameNeedsIdentity') }, max(60)]}
            >
              <Input data-testid="intake-form-reporter-name" />
            </Form.Item>
            <Form.Item name="reporterUnit" label={t('intake.form.reporterUnit')} rules={[max(200)]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="reporterContact"
              label={t('intake.form.reporterContact')}
              rules={[{ ...required, message: t('intake.form.realNameNeedsIdentity') }, max(100)]}
            >
              <Input data-testid="intake-form-reporter-contact" />
            </Form.Item>
            <Divider />
          </>
        ) : null}
        <Form.Item
          name="summary"
          label={t('intake.columns.summary')}
          extra={t('intake.form.summaryHint')}
          rules={[required, max(100)]}
        >
          <Input showCount maxLength={100} data-testid="intake-form-summary" />
        </Form.Item>
        <Form.Item name="content" label={t('intake.columns.content')} rules={[required, max(20000)]}>
          <Input.TextArea rows={4} data-testid="intake-form-content" />
        </Form.Item>
        <SubjectsField
          name={SUBJECTS}
          label={t('intake.columns.subjects')}
          data-testid="intake-form-subject"
        />
        {editing ? (
          <ReasonField data-testid="intake-form-reason" />
        ) : (
          <Form.Item name="ownerUserId" label={t('intake.columns.owner')}>
            <Select
              allowClear
              placeholder={t('intake.form.ownerPlaceholder')}
              loading={users.isPending}
              options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              data-testid="intake-form-owner"
            />
          </Form.Item>
        )}
        <ErrorAlert result={save} data-testid="intake-form-error" />
      </Form>
    </FormModal>
  );
}
