import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATION_TYPES } from '../../../../shared/contracts/reference';
import {
  DEFAULT_OFFICE_RULES,
  RECUSAL_MAX_YEARS,
  RECUSAL_RULE_KINDS,
  RECUSAL_YEAR_KINDS,
  type OfficeRules,
  type RecusalRuleKind,
} from '../../../../shared/office-rules';
import { ErrorAlert } from '../../components/error-alert';
import { RULE_KEYS } from './keys';
import { useRefMutation } from './queries';

type RecusalValues = OfficeRules['recusal'];
type Rule = RecusalValues['leaders'][number];
type SetName = 'leaders' | 'members';
type Row = { name: number; key: number };

const SETS: readonly SetName[] = ['leaders', 'members'];
const FIELD = { label: 'label', kind: 'kind', relationTypes: 'relationTypes', years: 'years' } as const;
const RELATION_KIND: RecusalRuleKind = 'relation_with_unit_leader';
const ARRAY = 'array' as const;
const INTEGER = 'integer' as const;
const RESPONSIVE = 'responsive' as const;

/** A code for a rule added on this screen: codes are identifiers, never shown as names. */
const newCode = () => `local_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** Only the fields the rule's kind uses (relation types for relation rules, years for post rules). */
function normalise(rules: readonly Partial<Rule>[] | undefined): Rule[] {
  return (rules ?? []).map((r) => {
    const kind = r.kind as RecusalRuleKind;
    return {
      code: r.code ?? newCode(),
      label: (r.label ?? '').trim(),
      kind,
      relationTypes: kind === RELATION_KIND ? (r.relationTypes ?? []) : [],
      ...(RECUSAL_YEAR_KINDS.includes(kind) ? { years: r.years } : {}),
    };
  });
}

/**
 * The office's two recusal rule sets (leader/deputy, members): add, change and remove
 * rules, or go back to the defaults of DOMAIN.md. Changes apply when saved; the core
 * checks them again (kind, years 0–30, relation types, unique codes).
 */
export function RecusalRulesForm({ value, canEdit }: { value: RecusalValues; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecusalValues>();
  const leaders = Form.useWatch(SETS[0], form) as Partial<Rule>[] | undefined;
  const members = Form.useWatch(SETS[1], form) as Partial<Rule>[] | undefined;
  const watched = { leaders, members };
  const [dirty, setDirty] = useState(false);
  const save = useRefMutation('rules:update', () => {
    setDirty(false);
    void message.success(t('reference.rules.saved'));
  });
  const relationOptions = RELATION_TYPES.map((r) => ({ value: r, label: t(`reference.relationTypes.${r}`) }));
  const kindOptions = RECUSAL_RULE_KINDS.map((k) => ({ value: k, label: t(`reference.rules.kinds.${k}`) }));

  const columns = (set: SetName, remove: (index: number) => void): ColumnsType<Row> => {
    const kindAt = (index: number) => watched[set]?.[index]?.kind;
    return [
      {
        title: t('reference.rules.label'),
        key: FIELD.label,
        width: 300,
        render: (_v, field) => (
          <Form.Item
            name={[field.name, FIELD.label]}
            rules={[
              { required: true, whitespace: true, message: t('editing.recusal.labelRequired') },
              { max: 40, message: t('validation.maxLength', { max: 40 }) },
            ]}
            style={{ margin: 0 }}
          >
            <Input maxLength={40} data-testid={`recusal-${set}-${field.name}-label`} />
          </Form.Item>
        ),
      },
      {
        title: t('reference.rules.kind'),
        key: FIELD.kind,
        width: 200,
        render: (_v, field) => (
          <Form.Item
            name={[field.name, FIELD.kind]}
            rules={[{ required: true, message: t('editing.recusal.kindRequired') }]}
            style={{ margin: 0 }}
          >
            <Select options={kindOptions} data-testid={`recusal-${set}-${field.name}-kind`} />
          </Form.Item>
        ),
      },
      {
        title: t('reference.rules.relationTypes'),
        key: FIELD.relationTypes,
        render: (_v, field) =>
          kindAt(field.name) === RELATION_KIND ? (
            <Form.Item
              name={[field.name, FIELD.relationTypes]}
              rules={[
                { required: true, type: ARRAY, min: 1, message: t('editing.recusal.relationsRequired') },
              ]}
              style={{ margin: 0 }}
            >
              <Select
                mode="multiple"
                options={relationOptions}
                maxTagCount={RESPONSIVE}
                data-testid={`recusal-${set}-${field.name}-relations`}
              />
            </Form.Item>
          ) : null,
      },
      {
        title: t('reference.rules.years'),
        key: FIELD.years,
        width: 110,
        render: (_v, field) => {
          const kind = kindAt(field.name);
          return kind && RECUSAL_YEAR_KINDS.includes(kind) ? (
            <Form.Item
              name={[field.name, FIELD.years]}
              rules={[
                {
                  required: true,
                  type: INTEGER,
                  min: 0,
                  max: RECUSAL_MAX_YEARS,
                  message: t('editing.recusal.yearsRange'),
                },
              ]}
              style={{ margin: 0 }}
            >
              <InputNumber
                min={0}
                max={RECUSAL_MAX_YEARS}
                precision={0}
                style={{ width: '100%' }}
                data-testid={`recusal-${set}-${field.name}-years`}
              />
            </Form.Item>
          ) : null;
        },
      },
      ...(canEdit
        ? [
            {
              title: t('common.actions'),
              key: 'actions',
              width: 64,
              render: (_v: unknown, field: Row) => (
                <Button
                  type="link"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('editing.recusal.remove')}
                  onClick={() => {
                    remove(field.name);
                    setDirty(true);
                  }}
                  data-testid={`recusal-${set}-${field.name}-remove`}
                />
              ),
            },
          ]
        : []),
    ];
  };

  return (
    <Form<RecusalValues>
      form={form}
      initialValues={value}
      disabled={!canEdit}
      onValuesChange={() => setDirty(true)}
      onFinish={(v) =>
        save.mutate({
          key: RULE_KEYS.recusal,
          value: { leaders: normalise(v.leaders), members: normalise(v.members) },
        })
      }
    >
      {SETS.map((set) => (
        <Card
          key={set}
          size="small"
          type="inner"
          title={t(set === 'leaders' ? 'reference.rules.leaderSet' : 'reference.rules.memberSet')}
          style={{ marginBottom: 12 }}
          data-testid={`recusal-set-${set}`}
        >
          <Form.List name={set}>
            {(fields, { add, remove }) => (
              <>
                <Table<Row>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={fields}
                  columns={columns(set, remove)}
                  locale={{ emptyText: t('editing.recusal.empty') }}
                />
                {canEdit ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      add({ code: newCode(), label: '', relationTypes: [] });
                      setDirty(true);
                    }}
                    style={{ marginTop: 8 }}
                    data-testid={`recusal-${set}-add`}
                  >
                    {t('editing.recusal.add')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </Card>
      ))}
      <ErrorAlert result={save} style={{ margin: '12px 0' }} />
      {canEdit ? (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rule-save-recusal">
            {t('common.save')}
          </Button>
          <Popconfirm
            title={t('editing.recusal.restoreConfirm')}
            okText={t('editing.recusal.restore')}
            cancelText={t('common.cancel')}
            onConfirm={() => {
              form.setFieldsValue(structuredClone(DEFAULT_OFFICE_RULES.recusal));
              setDirty(true);
              void message.info(t('editing.recusal.restored'));
            }}
          >
            <Button icon={<UndoOutlined />} data-testid="recusal-restore">
              {t('editing.recusal.restore')}
            </Button>
          </Popconfirm>
          {dirty ? (
            <Tag color="warning" data-testid="recusal-unsaved">
              {t('editing.recusal.unsaved')}
            </Tag>
          ) : null}
        </Flex>
      ) : null}
    </Form>
  );
}
