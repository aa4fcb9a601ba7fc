import { useMutation } from '@tanstack/react-query';
import { App, Flex, Form, Input, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_REQUEST_STATUSES,
  RECEIVED_STATUSES,
  TALK_NOTES_MAX,
  VISIT_MODES,
  type WorkRecord,
  type WorkRecordInput,
  type WorkRecordKind,
} from '../../../../shared/contracts/work-records';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useCaseUsers } from '../intake-leads/common/case-data';
import { DateInput, notBefore, todayText } from '../intake-leads/common/date-input';
import { UnitSelect } from '../reference/unit-select';
import { IntervieweeField, type Interviewee } from './interviewee-field';
import { useRefreshWorkRecords } from './queries';
import { FormModal } from '../../components/form-modal';

interface Values {
  date: string;
  place?: string;
  interviewee?: Interviewee;
  intervieweePost?: string;
  askerUserId?: string;
  recorderUserId?: string;
  subject?: string;
  unitId?: string | null;
  status?: (typeof DOCUMENT_REQUEST_STATUSES)[number];
  receivedDate?: string | null;
  visitMode?: (typeof VISIT_MODES)[number];
  participantUserIds?: string[];
  notes?: string;
}

const REQUEST_NOTES_MAX = 5_000;
/** Form field names and antd option values (not user-visible text). */
const F = { date: 'date', status: 'status', asker: 'askerUserId', post: 'intervieweePost' } as const;
const BUTTONS = 'button';
const ARRAY = 'array';
const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function initialValues(kind: WorkRecordKind, r: WorkRecord | null): Values {
  if (!r) {
    return {
      date: todayText(),
      ...(kind === 'document_request' ? { status: 'requested' as const } : {}),
      ...(kind === 'visit' ? { visitMode: 'field' as const } : {}),
    };
  }
  const part = (p: string) => r.people.find((x) => x.part === p)?.userId;
  return {
    date: r.date,
    place: r.place ?? undefined,
    interviewee: r.interviewee ? { personId: r.interviewee.personId, name: r.interviewee.name } : undefined,
    intervieweePost: r.interviewee?.post ?? undefined,
    askerUserId: part('asker'),
    recorderUserId: part('recorder'),
    subject: r.subject ?? undefined,
    unitId: r.unit?.id ?? null,
    status: r.status ?? undefined,
    receivedDate: r.receivedDate,
    visitMode: r.visitMode ?? undefined,
    participantUserIds: r.people.filter((p) => p.part === 'participant').map((p) => p.userId),
    notes: r.notes ?? undefined,
  };
}

function toInput(kind: WorkRecordKind, caseId: string, id: string | undefined, v: Values): WorkRecordInput {
  const common = { caseId, date: v.date, notes: trimmed(v.notes), ...(id ? { id } : {}) };
  if (kind === 'talk') {
    return {
      ...common,
      kind,
      place: v.place!.trim(),
      intervieweePersonId: v.interviewee?.personId ?? null,
      intervieweeName: trimmed(v.interviewee?.name),
      intervieweePost: trimmed(v.intervieweePost),
      askerUserId: v.askerUserId!,
      recorderUserId: v.recorderUserId!,
    };
  }
  if (kind === 'document_request') {
    return {
      ...common,
      kind,
      subject: v.subject!.trim(),
      unitId: v.unitId!,
      status: v.status!,
      receivedDate: v.receivedDate ?? null,
    };
  }
  return {
    ...common,
    kind,
    visitMode: v.visitMode!,
    place: v.place!.trim(),
    unitId: v.unitId ?? null,
    participantUserIds: v.participantUserIds ?? [],
  };
}

/**
 * Registers or edits a talk, a document request or a visit. The form checks what the
 * core checks again: required fields, lengths, two different inspectors, dates in order.
 */
export function WorkRecordForm({
  caseId,
  kind,
  record,
  open,
  onClose,
}: {
  caseId: string;
  kind: WorkRecordKind;
  /** The record to edit; null registers a new one. */
  record: WorkRecord | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const users = useCaseUsers(caseId);
  const refresh = useRefreshWorkRecords();
  const save = useMutation({
    mutationFn: (v: Values) => call('workRecords:save', toInput(kind, caseId, record?.id, v)),
    onSuccess: (saved) => {
      void message.success(t('work-records.saved', { number: saved.number }));
      refresh();
      onClose();
    },
  });
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const required: Rule = { required: true, message: t('work-records.form.required') };
  const text = (max: number): Rule[] => [
    { required: true, whitespace: true, message: t('work-records.form.required') },
    { max, message: t('validation.maxLength', { max }) },
  ];
  const max = (n: number): Rule => ({ max: n, message: t('validation.maxLength', { max: n }) });
  const notesLabel =
    kind === 'talk'
      ? t('work-records.form.notes')
      : kind === 'visit'
        ? t('work-records.form.findings')
        : t('work-records.form.requestNotes');
  const notesMax = kind === 'document_request' ? REQUEST_NOTES_MAX : TALK_NOTES_MAX;

  return (
    <FormModal
      open={open}
      title={
        record
          ? t('work-records.form.titleEdit', { number: record.number })
          : t(`work-records.form.titleNew.${kind}`)
      }
      width={760}
      form={form}
      save={save}
      onClose={onClose}
      submitTestId="wr-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(kind, record)}
        onFinish={(v) => save.mutate(v)}
        style={{ marginTop: 16 }}
      >
        {kind === 'visit' ? (
          <Form.Item name="visitMode" label={t('work-records.columns.visitMode')} rules={[required]}>
            <Radio.Group
              optionType={BUTTONS}
              data-testid="wr-form-mode"
              options={VISIT_MODES.map((m) => ({ value: m, label: t(`work-records.visitModes.${m}`) }))}
            />
          </Form.Item>
        ) : null}
        <Flex gap={16}>
          <Form.Item
            name="date"
            label={t(`work-records.columns.date.${kind}`)}
            rules={[required]}
            style={{ flex: 1 }}
          >
            <DateInput data-testid="wr-form-date" />
          </Form.Item>
          {kind === 'document_request' ? (
            <Form.Item
              name="status"
              label={t('work-records.columns.status')}
              rules={[required]}
              style={{ flex: 1 }}
            >
              <Select
                data-testid="wr-form-status"
                options={DOCUMENT_REQUEST_STATUSES.map((s) => ({
                  value: s,
                  label: t(`work-records.statuses.${s}`),
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="place"
              label={t('work-records.columns.place')}
              rules={text(kind === 'talk' ? 100 : 200)}
              style={{ flex: 2 }}
            >
              <Input maxLength={kind === 'talk' ? 100 : 200} data-testid="wr-form-place" />
            </Form.Item>
          )}
        </Flex>

        {kind === 'talk' ? (
          <>
            <Flex gap={16}>
              <Form.Item
                name="interviewee"
                required
                label={t('work-records.columns.interviewee')}
                extra={t('work-records.form.intervieweeHint')}
                style={{ flex: 3 }}
                rules={[
                  {
                    validator: (_r, v: Interviewee | undefined) => {
                      const name = v?.name.trim() ?? '';
                      if (!name) return Promise.reject(new Error(t('work-records.form.intervieweeRequired')));
                      if ([...name].length > 40)
                        return Promise.reject(new Error(t('validation.maxLength', { max: 40 })));
                      return Promise.resolve();
                    },
                  },
                ]}
              >
                <IntervieweeField
                  data-testid="wr-form-interviewee"
                  onPick={(p) => form.setFieldValue(F.post, p.post ?? undefined)}
                />
              </Form.Item>
              <Form.Item
                name="intervieweePost"
                label={t('work-records.form.intervieweePost')}
                rules={[max(80)]}
                style={{ flex: 2 }}
              >
                <Input maxLength={80} data-testid="wr-form-post" />
              </Form.Item>
            </Flex>
            <Flex gap={16}>
              <Form.Item
                name="askerUserId"
                label={t('work-records.columns.asker')}
                rules={[required]}
                style={{ flex: 1 }}
              >
                <Select options={userOptions} loading={users.isPending} data-testid="wr-form-asker" />
              </Form.Item>
              <Form.Item
                name="recorderUserId"
                label={t('work-records.columns.recorder')}
                dependencies={[F.asker]}
                style={{ flex: 1 }}
                rules={[
                  required,
                  {
                    validator: (_r, v: string | undefined) =>
                      v && v === form.getFieldValue(F.asker)
                        ? Promise.reject(new Error(t('work-records.form.inspectorsDistinct')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <Select options={userOptions} loading={users.isPending} data-testid="wr-form-recorder" />
              </Form.Item>
            </Flex>
          </>
        ) : null}

        {kind === 'document_request' ? (
          <>
            <Form.Item name="subject" label={t('work-records.columns.subject')} rules={text(200)}>
              <Input.TextArea rows={2} maxLength={200} showCount data-testid="wr-form-subject" />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item
                name="unitId"
                label={t('work-records.columns.unit')}
                rules={[required]}
                style={{ flex: 2 }}
              >
                <UnitSelect data-testid="wr-form-unit" />
              </Form.Item>
              <Form.Item
                name="receivedDate"
                label={t('work-records.columns.receivedDate')}
                dependencies={[F.date, F.status]}
                style={{ flex: 1 }}
                rules={[
                  {
                    required: status !== undefined && RECEIVED_STATUSES.includes(status),
                    message: t('work-records.form.receivedRequired'),
                  },
                  notBefore(() => form.getFieldValue(F.date), t('work-records.form.receivedBefore')),
                ]}
              >
                <DateInput data-testid="wr-form-received" />
              </Form.Item>
            </Flex>
          </>
        ) : null}

        {kind === 'visit' ? (
          <Flex gap={16}>
            <Form.Item
              name="participantUserIds"
              label={t('work-records.columns.participants')}
              style={{ flex: 2 }}
              rules={[
                {
                  required: true,
                  type: ARRAY,
                  min: 1,
                  message: t('work-records.form.participantsRequired'),
                },
              ]}
            >
              <Select
                mode="multiple"
                options={userOptions}
                loading={users.isPending}
                data-testid="wr-form-participants"
              />
            </Form.Item>
            <Form.Item name="unitId" label={t('work-records.columns.visitUnit')} style={{ flex: 1 }}>
              <UnitSelect data-testid="wr-form-unit" />
            </Form.Item>
          </Flex>
        ) : null}

        <Form.Item
          name="notes"
          label={notesLabel}
          extra={kind === 'talk' ? t('work-records.form.notesHint') : undefined}
          rules={[max(notesMax)]}
        >
          <Input.TextArea
            rows={kind === 'document_request' ? 3 : 8}
            maxLength={notesMax}
            showCount
            data-testid="wr-form-notes"
          />
        </Form.Item>
        <ErrorAlert result={save} data-testid="wr-form-error" />
      </Form>
    </FormModal>
  );
}
