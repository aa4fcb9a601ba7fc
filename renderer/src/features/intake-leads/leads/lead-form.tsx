import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Flex, Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../../shared/contract';
import {
  LEAD_SOURCE_KINDS,
  LEDGER_NUMBER_PATTERN,
  type Lead,
} from '../../../../../shared/contracts/intake-leads';
import { LEAD_SEALERS } from '../../../../../shared/contracts/intake-leads-edits';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { useCaseUsers, useRefreshAll } from '../common/case-data';
import { DateInput, notBefore, todayText } from '../common/date-input';
import { IntakePicker } from '../common/intake-picker';
import { useLeadCodes } from '../common/lead-codes';
import { ReasonField } from '../common/reason';
import {
  fromSubjects,
  SubjectsField,
  toSubjectInputs,
  uniqueSubjects,
  type SubjectValue,
} from '../common/subjects-field';
import { FormModal } from '../../../components/form-modal';

interface Values {
  number?: string;
  receivedDate: string;
  summary: string;
  kinds: (typeof LEAD_SOURCE_KINDS)[number][];
  intakeIds?: string[];
  subjects: SubjectValue[];
  discipline?: string | null;
  tags?: string[];
  ownerUserId?: string | null;
  deadline?: string | null;
  sealed: boolean;
  sealedUserIds?: string[];
  reason?: string;
}

const INTAKE_ONLY: Values['kinds'] = ['intake'];
const SWITCH = { valuePropName: 'checked' } as const;
const SUBJECTS = 'subjects';
const listRule = (message: string) => ({ required: true, type: 'array' as const, min: 1, message });
const opt = (v: string | undefined | null) => (v?.trim() ? v.trim() : undefined);

/** A work record a new lead comes from (its drawer's "register a lead from this"). */
export interface SourceRecord {
  kind: 'talk' | 'document_review' | 'visit';
  id: string;
}

function initialValues(lead: Lead | undefined, intakeIds: string[], record?: SourceRecord): Partial<Values> {
  if (!lead) {
    return {
      receivedDate: todayText(),
      kinds: record ? [record.kind] : intakeIds.length ? INTAKE_ONLY : [],
      intakeIds,
      subjects: [{}],
      sealed: false,
    };
  }
  return {
    receivedDate: lead.receivedDate,
    summary: lead.summary,
    kinds: [...new Set(lead.sources.map((s) => s.kind))],
    intakeIds: lead.sources.flatMap((s) => (s.intakeId ? [s.intakeId] : [])),
    subjects: fromSubjects(lead.subjects),
    discipline: lead.discipline,
    tags: lead.tags,
    ownerUserId: lead.owner?.id ?? null,
    deadline: lead.deadline,
    sealed: lead.sealed,
    sealedUserIds: lead.sealedUserIds,
  };
}

/**
 * Registers a lead from one or more sources (intake items among them), or edits a
 * registered one (`lead`). Choosing intake items brings in the persons and units they
 * report. Only the group leader changes sealing when editing (checked in the core too).
 */
export function LeadForm({
  caseId,
  open,
  lead,
  initialIntakeIds = [],
  sourceRecord,
  session,
  onClose,
}: {
  caseId: string;
  open: boolean;
  /** The lead to edit; none: register a new one. */
  lead?: Lead;
  initialIntakeIds?: string[];
  sourceRecord?: SourceRecord;
  session?: SessionInfo;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kinds = Form.useWatch('kinds', form) ?? [];
  const sealed = Form.useWatch('sealed', form);
  const users = useCaseUsers(caseId);
  const codes = useLeadCodes();
  const editing = lead !== undefined;
  const canSeal =
    !editing || (session?.user.roles ?? []).some((r) => (LEAD_SEALERS as readonly string[]).includes(r));
  const refresh = useRefreshAll();

  /** Adds the persons and units reported in these intake items to the subjects (new ones only). */
  const prefillFrom = async (intakeIds: string[]) => {
    if (editing || intakeIds.length === 0) return;
    const items = await Promise.all(
      intakeIds.map((id) =>
        client.fetchQuery({
          queryKey: ['intake-leads', 'intake', caseId, id],
          queryFn: () => call('intake:get', { id }),
        }),
      ),
    );
    const current = ((form.getFieldValue(SUBJECTS) as SubjectValue[] | undefined) ?? []).filter(
      (s) => s.pick,
    );
    const next = uniqueSubjects([...current, ...items.flatMap((i) => fromSubjects(i.subjects))]);
    if (next.length > current.length) {
      form.setFieldValue(SUBJECTS, next);
      void message.info(t('editing.subjects.prefilled'));
    }
  };
  useEffect(() => {
    if (open && initialIntakeIds.length) void prefillFrom(initialIntakeIds).catch(() => undefined);
    // Once per opening: the ids the form opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const sources = [
        ...(v.kinds.includes('intake')
          ? (v.intakeIds ?? []).map((intakeId) => ({ kind: 'intake' as const, intakeId }))
          : []),
        ...v.kinds
          .filter((k) => k !== 'intake')
          .map((kind) => {
            // Keep the note and the work record a non-intake source already had.
            const had = lead?.sources.find((s) => s.kind === kind);
            const workRecordId = had?.workRecordId ?? (sourceRecord?.kind === kind ? sourceRecord.id : null);
            return {
              kind,
              ...(had?.note ? { note: had.note } : {}),
              ...(workRecordId ? { workRecordId } : {}),
            };
          }),
      ];
      const common = {
        summary: v.summary.trim(),
        tags: v.tags ?? [],
        subjects: toSubjectInputs(v.subjects),
        sources,
      };
      const seal = canSeal
        ? { sealed: v.sealed, sealedUserIds: v.sealed ? (v.sealedUserIds ?? []) : [] }
        : {};
      if (lead) {
        return call('leads:edit', {
          id: lead.id,
          ...common,
          discipline: v.discipline ?? null,
          ownerUserId: v.ownerUserId ?? null,
          deadline: v.deadline ?? null,
          ...seal,
          reason: opt(v.reason),
        });
      }
      return call('leads:create', {
        caseId,
        number: opt(v.number),
        receivedDate: v.receivedDate,
        ...common,
        discipline: v.discipline ?? undefined,
        ownerUserId: v.ownerUserId ?? undefined,
        sealed: v.sealed,
        sealedUserIds: v.sealed ? (v.sealedUserIds ?? []) : [],
      });
    },
    onSuccess: (saved) => {
      void message.success(
        editing ? t('editing.leads.saved', { number: saved.number }) : `${t('leads.create')} ${saved.number}`,
      );
      refresh();
      onClose();
    },
  });
  const required = { required: true, whitespace: true, message: t('leads.form.required') };
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <FormModal
      open={open}
      title={lead ? t('editing.leads.editTitle', { number: lead.number }) : t('leads.form.title')}
      width={820}
      form={form}
      save={save}
      onClose={onClose}
      submitTestId="lead-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(lead, initialIntakeIds, sourceRecord)}
        onFinish={(v) => save.mutate(v)}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="kinds"
          label={t('leads.form.sources')}
          rules={[listRule(t('leads.form.sourcesRequired'))]}
        >
          <Checkbox.Group
            data-testid="lead-form-kinds"
            options={LEAD_SOURCE_KINDS.map((k) => ({ value: k, label: t(`leads.sourceKinds.${k}`) }))}
          />
        </Form.Item>
        {kinds.includes('intake') ? (
          <Form.Item
            name="intakeIds"
            label={t('leads.form.intakeItems')}
            rules={[listRule(t('leads.form.sourcesRequired'))]}
            extra={editing ? undefined : t('editing.leads.intakeHint')}
          >
            <IntakePicker
              caseId={caseId}
              data-testid="lead-form-intake"
              onChange={(ids: string[]) => void prefillFrom(ids).catch(() => undefined)}
            />
          </Form.Item>
        ) : null}
        <Flex gap={16}>
          {editing ? null : (
            <Form.Item
              name="number"
              label={t('editing.number.label')}
              extra={t('editing.number.hint')}
              rules={[{ pattern: LEDGER_NUMBER_PATTERN, message: t('editing.number.invalid') }]}
              style={{ flex: 1 }}
            >
              <Input
                maxLength={40}
                placeholder={t('editing.number.placeholder')}
                data-testid="lead-form-number"
              />
            </Form.Item>
          )}
          {editing ? null : (
            <Form.Item
              name="receivedDate"
              label={t('leads.columns.receivedDate')}
              rules={[{ required: true, message: t('leads.form.required') }]}
              style={{ flex: 1 }}
            >
              <DateInput />
            </Form.Item>
          )}
        </Flex>
        <Form.Item
          name="summary"
          label={t('leads.columns.summary')}
          rules={[required, { max: 500, message: t('validation.maxLength', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} data-testid="lead-form-summary" />
        </Form.Item>
        <SubjectsField
          name={SUBJECTS}
          label={t('leads.form.subjects')}
          atLeastOne
          data-testid="lead-form-subject"
        />
        <Flex gap={16}>
          <Form.Item name="discipline" label={t('leads.columns.discipline')} style={{ flex: 1 }}>
            <Select
              allowClear
              data-testid="lead-form-discipline"
              options={codes.disciplines.map((d) => ({ value: d.code, label: d.label }))}
            />
          </Form.Item>
          <Form.Item name="tags" label={t('leads.columns.tags')} style={{ flex: 2 }}>
            <Select
              mode="multiple"
              data-testid="lead-form-tags"
              options={codes.tags.map((d) => ({ value: d.code, label: d.label }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="ownerUserId" label={t('leads.columns.owner')} style={{ flex: 1 }}>
            <Select allowClear options={userOptions} data-testid="lead-form-owner" />
          </Form.Item>
          {lead ? (
            <Form.Item
              name="deadline"
              label={t('leads.columns.deadline')}
              rules={[notBefore(lead.receivedDate, t('editing.leads.deadlineOrder'))]}
              style={{ flex: 1 }}
            >
              <DateInput data-testid="lead-form-deadline" />
            </Form.Item>
          ) : null}
        </Flex>
        {canSeal ? null : (
          <Alert type="info" showIcon title={t('editing.leads.sealLocked')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="sealed" label={t('leads.sealed')} extra={t('leads.sealedHint')} {...SWITCH}>
          <Switch disabled={!canSeal} data-testid="lead-form-sealed" />
        </Form.Item>
        {sealed ? (
          <Form.Item
            name="sealedUserIds"
            label={t('leads.form.sealedUsers')}
            rules={[listRule(t('leads.form.sealedUsersRequired'))]}
          >
            <Select
              mode="multiple"
              options={userOptions}
              disabled={!canSeal}
              data-testid="lead-form-sealed-users"
            />
          </Form.Item>
        ) : null}
        {editing ? <ReasonField data-testid="lead-form-reason" /> : null}
        <ErrorAlert result={save} data-testid="lead-form-error" />
      </Form>
    </FormModal>
  );
}
