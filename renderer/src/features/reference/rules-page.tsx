import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { OFFICE_RULE_SCHEMAS, type OfficeRules } from '../../../../shared/office-rules';
import { mayCall } from '../../app/access';
import { call } from '../../api/client';
import { AttachmentSizeRule } from '../../components/attachments/attachment-size-rule';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { CHECKED, RULE_KEYS } from './keys';
import { refKeys, useRefMutation } from './queries';
import { RecusalRulesForm } from './recusal-rules-form';

const ATTACHMENTS_RULE = 'attachments';
const DEADLINE_KEYS = Object.keys(OFFICE_RULE_SCHEMAS.deadlines.shape) as (keyof OfficeRules['deadlines'])[];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WARNING_FIELDS = ['greenDays', 'yellowDays'] as const;
const F = { items: 'items', newCode: 'newCode', newLabel: 'newLabel' } as const;

/** The office's editable rules: deadlines, warnings, calendar, categories, tags, recusal. */
export function RulesPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const canEdit = mayCall('rules:update', session.user.roles);
  const rules = useQuery({ queryKey: refKeys.rules, queryFn: () => call('rules:get', {}) });
  const r = rules.data;
  return (
    <PageContainer
      title={t('reference.rules.title')}
      description={canEdit ? t('reference.rules.subtitle') : t('reference.rules.readOnly')}
      data-testid="rules-page"
    >
      <ErrorAlert result={rules} />
      {!r ? (
        <Spin />
      ) : (
        <Card size="small">
          <Tabs
            items={[
              {
                key: RULE_KEYS.deadlines,
                label: t('reference.rules.tabs.deadlines'),
                children: (
                  <ObjectRule
                    ruleKey={RULE_KEYS.deadlines}
                    value={r.deadlines}
                    fields={DEADLINE_KEYS}
                    canEdit={canEdit}
                  />
                ),
              },
              {
                key: RULE_KEYS.warnings,
                label: t('reference.rules.tabs.warnings'),
                children: (
                  <ObjectRule
                    ruleKey={RULE_KEYS.warnings}
                    value={r.warnings}
                    fields={WARNING_FIELDS}
                    canEdit={canEdit}
                  />
                ),
              },
              {
                key: RULE_KEYS.calendar,
                label: t('reference.rules.tabs.calendar'),
                children: <CalendarRule value={r.calendar} canEdit={canEdit} />,
              },
              {
                key: RULE_KEYS.disciplines,
                label: t('reference.rules.tabs.disciplines'),
                children: (
                  <CodedListRule ruleKey={RULE_KEYS.disciplines} value={r.disciplines} canEdit={canEdit} />
                ),
              },
              {
                key: RULE_KEYS.leadTags,
                label: t('reference.rules.tabs.leadTags'),
                children: <CodedListRule ruleKey={RULE_KEYS.leadTags} value={r.leadTags} canEdit={canEdit} />,
              },
              {
                key: RULE_KEYS.recusal,
                label: t('reference.rules.tabs.recusal'),
                // Saved rules come back normalised: the form starts again from them.
                children: (
                  <RecusalRulesForm key={JSON.stringify(r.recusal)} value={r.recusal} canEdit={canEdit} />
                ),
              },
              {
                key: ATTACHMENTS_RULE,
                label: t('attachments.rule.tab'),
                children: <AttachmentSizeRule value={r.attachments} canEdit={canEdit} />,
              },
            ]}
          />
        </Card>
      )}
    </PageContainer>
  );
}

function useSaveRule() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useRefMutation('rules:update', () => void message.success(t('reference.rules.saved')));
}

/** Numbers (days) of one rule, one input each. */
function ObjectRule<K extends 'deadlines' | 'warnings'>({
  ruleKey,
  value,
  fields,
  canEdit,
}: {
  ruleKey: K;
  value: OfficeRules[K];
  fields: readonly string[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveRule();
  return (
    <Form
      layout="horizontal"
      labelCol={{ span: 8 }}
      wrapperCol={{ span: 6 }}
      initialValues={value}
      disabled={!canEdit}
      onFinish={(v: Record<string, number>) => save.mutate({ key: ruleKey, value: v })}
    >
      {fields.map((f) => (
        <Form.Item key={f} name={f} label={t(`reference.rules.${ruleKey}.${f}`)} rules={[{ required: true }]}>
          <InputNumber min={0} max={3650} addonAfter={t('reference.rules.days')} data-testid={`rule-${f}`} />
        </Form.Item>
      ))}
      <ErrorAlert result={save} style={{ marginBottom: 12 }} />
      {canEdit ? (
        <Form.Item wrapperCol={{ offset: 8 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid={`rule-save-${ruleKey}`}
          >
            {t('common.save')}
          </Button>
        </Form.Item>
      ) : null}
    </Form>
  );
}

function CalendarRule({ value, canEdit }: { value: OfficeRules['calendar']; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveRule();
  const dates = {
    validator: (_r: unknown, v: string[] | undefined) =>
      (v ?? []).every((d) => DATE.test(d) && !Number.isNaN(Date.parse(d)))
        ? Promise.resolve()
        : Promise.reject(new Error(t('reference.rules.dateFormat'))),
  };
  return (
    <Form
      layout="vertical"
      initialValues={value}
      disabled={!canEdit}
      onFinish={(v: OfficeRules['calendar']) =>
        save.mutate({
          key: RULE_KEYS.calendar,
          value: { holidays: [...v.holidays].sort(), workdays: [...v.workdays].sort() },
        })
      }
    >
      <Form.Item
        name="holidays"
        label={t('reference.rules.holidays')}
        extra={t('reference.rules.dateHelp')}
        rules={[dates]}
      >
        <Select mode="tags" open={false} data-testid="rule-holidays" />
      </Form.Item>
      <Form.Item
        name="workdays"
        label={t('reference.rules.workdays')}
        extra={t('reference.rules.dateHelp')}
        rules={[dates]}
      >
        <Select mode="tags" open={false} data-testid="rule-workdays" />
      </Form.Item>
      <ErrorAlert result={save} style={{ marginBottom: 12 }} />
      {canEdit ? (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}

type Coded = OfficeRules['disciplines'][number];

/** Categories or tags: rename, retire (kept for old records), add. Codes never change. */
function CodedListRule({
  ruleKey,
  value,
  canEdit,
}: {
  ruleKey: 'disciplines' | 'leadTags';
  value: Coded[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveRule();
  const [form] = Form.useForm<{ items: Coded[]; newCode?: string; newLabel?: string }>();
  const items = () => form.getFieldValue(F.items) as Coded[];
  const codeAt = (index: number) => items()[index]?.code ?? '';
  const addItem = (add: (item: Coded) => void) => {
    const code = String(form.getFieldValue(F.newCode) ?? '').trim();
    const label = String(form.getFieldValue(F.newLabel) ?? '').trim();
    if (!/^[a-z0-9_]{1,40}$/.test(code) || !label || items().some((i) => i.code === code)) {
      form.setFields([{ name: F.newCode, errors: [t('reference.rules.codeInvalid')] }]);
      return;
    }
    add({ code, label, retired: false });
    form.setFieldsValue({ newCode: undefined, newLabel: undefined });
  };
  const columns: ColumnsType<{ name: number; key: number }> = [
    {
      title: t('reference.rules.code'),
      key: 'code',
      width: 220,
      render: (_v, field) => <Tag>{codeAt(field.name)}</Tag>,
    },
    {
      title: t('reference.rules.label'),
      key: 'label',
      render: (_v, field) => (
        <Form.Item
          name={[field.name, 'label']}
          rules={[{ required: true, whitespace: true, max: 40 }]}
          noStyle
        >
          <Input maxLength={40} />
        </Form.Item>
      ),
    },
    {
      title: t('reference.rules.retired'),
      key: 'retired',
      width: 120,
      render: (_v, field) => (
        <Form.Item name={[field.name, 'retired']} valuePropName={CHECKED} noStyle>
          <Switch />
        </Form.Item>
      ),
    },
  ];
  return (
    <Form
      form={form}
      initialValues={{ items: value }}
      disabled={!canEdit}
      onFinish={(v) =>
        save.mutate({ key: ruleKey, value: v.items.map((i) => ({ ...i, label: i.label.trim() })) })
      }
    >
      <Form.List name={F.items}>
        {(fields, { add }) => (
          <>
            <Table rowKey="key" size="small" pagination={false} dataSource={fields} columns={columns} />
            {canEdit ? (
              <Space style={{ marginTop: 12 }}>
                <Form.Item name={F.newCode} noStyle>
                  <Input placeholder={t('reference.rules.newCode')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={F.newLabel} noStyle>
                  <Input placeholder={t('reference.rules.newLabel')} style={{ width: 240 }} maxLength={40} />
                </Form.Item>
                <Button onClick={() => addItem(add)}>{t('reference.rules.add')}</Button>
              </Space>
            ) : null}
          </>
        )}
      </Form.List>
      <ErrorAlert result={save} style={{ margin: '12px 0' }} />
      {canEdit ? (
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }}>
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}
