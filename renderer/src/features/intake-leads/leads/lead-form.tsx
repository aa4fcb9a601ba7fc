import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEAD_SOURCE_KINDS } from '../../../../../shared/contracts/intake-leads';
import { DEFAULT_OFFICE_RULES } from '../../../../../shared/office-rules';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/error-alert';
import { ilKeys, useCaseUsers, useRefreshAll } from '../common/case-data';
import { DateInput, todayText } from '../common/date-input';

interface Values {
  receivedDate: string;
  summary: string;
  kinds: (typeof LEAD_SOURCE_KINDS)[number][];
  intakeIds?: string[];
  subjects: { name: string; unit?: string; post?: string; level?: string }[];
  discipline?: string;
  tags?: string[];
  ownerUserId?: string;
  sealed: boolean;
  sealedUserIds?: string[];
}

const INTAKE_ONLY: Values['kinds'] = ['intake'];
const SWITCH = { valuePropName: 'checked' } as const;
const listRule = (message: string) => ({ required: true, type: 'array' as const, min: 1, message });
const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The office's discipline categories and tags (defaults when the rules cannot be read). */
function useLeadCodes() {
  const rules = useQuery({ queryKey: ['intake-leads', 'rules'], queryFn: () => call('rules:get', {}) });
  const r = rules.data ?? DEFAULT_OFFICE_RULES;
  return {
    disciplines: r.disciplines.filter((d) => !d.retired),
    tags: r.leadTags.filter((d) => !d.retired),
  };
}

/** Registers a lead from one or more sources (intake items among them). */
export function LeadForm({
  caseId,
  open,
  initialIntakeIds = [],
  onClose,
}: {
  caseId: string;
  open: boolean;
  initialIntakeIds?: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kinds = Form.useWatch('kinds', form) ?? [];
  const sealed = Form.useWatch('sealed', form);
  const users = useCaseUsers(caseId);
  const codes = useLeadCodes();
  const intake = useQuery({
    queryKey: ilKeys.intake(caseId),
    queryFn: () => call('intake:list', { caseId }),
  });
  const refresh = useRefreshAll();
  const create = useMutation({
    mutationFn: (v: Values) =>
      call('leads:create', {
        caseId,
        receivedDate: v.receivedDate,
        summary: v.summary.trim(),
        discipline: v.discipline,
        tags: v.tags ?? [],
        subjects: v.subjects.map((s) => ({
          freeText: s.name.trim(),
          post: opt(s.post),
          managementLevel: opt(s.level),
        })),
        sources: [
          ...(kinds.includes('intake')
            ? (v.intakeIds ?? []).map((intakeId) => ({ kind: 'intake' as const, intakeId }))
            : []),
          ...v.kinds.filter((k) => k !== 'intake').map((kind) => ({ kind })),
        ],
        ownerUserId: v.ownerUserId,
        sealed: v.sealed,
        sealedUserIds: v.sealed ? (v.sealedUserIds ?? []) : [],
      }),
    onSuccess: (lead) => {
      void message.success(`${t('leads.create')} ${lead.number}`);
      refresh();
      onClose();
    },
  });
  const required = { required: true, whitespace: true, message: t('leads.form.required') };
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <Modal
      open={open}
      title={t('leads.form.title')}
      width={760}
      destroyOnHidden
      onCancel={() => !create.isPending && onClose()}
      afterClose={() => {
        form.resetFields();
        create.reset();
      }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={create.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="lead-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          receivedDate: todayText(),
          kinds: initialIntakeIds.length ? INTAKE_ONLY : [],
          intakeIds: initialIntakeIds,
          subjects: [{ name: '' }],
          sealed: false,
        }}
        onFinish={(v) => create.mutate(v)}
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
          >
            <Select
              mode="multiple"
              data-testid="lead-form-intake"
              optionFilterProp="label"
              options={(intake.data ?? []).map((i) => ({ value: i.id, label: `${i.number} ${i.summary}` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="receivedDate"
          label={t('leads.columns.receivedDate')}
          rules={[{ required: true, message: t('leads.form.required') }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('leads.columns.summary')}
          rules={[
            required,
            {
              max: 500,
              message: t('validation.maxLength', {
                max: 500,
                message: t('validation.maxLength', { max: 500 }),
              }),
            },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} data-testid="lead-form-summary" />
        </Form.Item>
        <Form.List name="subjects">
          {(fields, { add, remove }) => (
            <Form.Item label={t('leads.form.subjects')} required>
              <Flex vertical gap={8}>
                {fields.map((f, index) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[required, { max: 100, message: t('validation.maxLength', { max: 100 }) }]}
                      style={{ flex: 2, margin: 0 }}
                    >
                      <Input
                        placeholder={t('leads.form.subjectName')}
                        data-testid={`lead-form-subject-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'post']}
                      rules={[{ max: 60, message: t('validation.maxLength', { max: 60 }) }]}
                      style={{ flex: 2, margin: 0 }}
                    >
                      <Input placeholder={t('leads.form.subjectPost')} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'level']}
                      rules={[{ max: 40, message: t('validation.maxLength', { max: 40 }) }]}
                      style={{ flex: 1, margin: 0 }}
                    >
                      <Input placeholder={t('leads.form.subjectLevel')} />
                    </Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('leads.form.addSubject')}
                </Button>
              </Flex>
            </Form.Item>
          )}
        </Form.List>
        <Flex gap={16}>
          <Form.Item name="discipline" label={t('leads.columns.discipline')} style={{ flex: 1 }}>
            <Select
              allowClear
              data-testid="lead-form-discipline"
              options={codes.disciplines.map((d) => ({ value: d.code, label: d.label }))}
            />
          </Form.Item>
          <Form.Item name="tags" label={t('leads.columns.tags')} style={{ flex: 2 }}>
            <Select mode="multiple" options={codes.tags.map((d) => ({ value: d.code, label: d.label }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="ownerUserId" label={t('leads.columns.owner')}>
          <Select allowClear options={userOptions} data-testid="lead-form-owner" />
        </Form.Item>
        <Form.Item name="sealed" label={t('leads.sealed')} extra={t('leads.sealedHint')} {...SWITCH}>
          <Switch />
        </Form.Item>
        {sealed ? (
          <Form.Item
            name="sealedUserIds"
            label={t('leads.form.sealedUsers')}
            rules={[listRule(t('leads.form.sealedUsersRequired'))]}
          >
            <Select mode="multiple" options={userOptions} />
          </Form.Item>
        ) : null}
        <ErrorAlert result={create} data-testid="lead-form-error" />
      </Form>
    </Modal>
  );
}
