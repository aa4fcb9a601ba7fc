import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { IntakeItem, subjectInput } from '../../../../../shared/contracts/intake-leads';
import { MANAGEMENT_LEVELS } from '../../../../../shared/contracts/reference';
import { EnumSelect } from '../../reference/enum-select';
import { parseRef, REF, SubjectPicker, type PickedSubject } from './subject-picker';

/** One row of the subjects list in a form. */
export interface SubjectValue {
  pick?: PickedSubject;
  post?: string;
  level?: string;
}

type SubjectInput = z.input<typeof subjectInput>;
type Subject = IntakeItem['subjects'][number];

const LEVELS_BRANCH = 'reference.levels';
const POST = 'post';
const LEVEL = 'level';
const opt = (v: string | undefined | null) => (v?.trim() ? v.trim() : undefined);

/** Rows as the contract takes them (the post and level as entered; the core fills in a person's own). */
export function toSubjectInputs(rows: readonly SubjectValue[] | undefined): SubjectInput[] {
  return (rows ?? [])
    .filter((r) => r.pick)
    .map((r) => {
      const { kind, rest } = parseRef(r.pick!.value);
      const extra = { post: opt(r.post), managementLevel: opt(r.level) };
      if (kind === 'person') return { personId: rest, ...extra };
      if (kind === 'unit') return { unitId: rest, ...extra };
      return { freeText: rest, ...extra };
    });
}

/** Stored subjects as form rows (their post and level at the time kept as they are). */
export function fromSubjects(subjects: readonly Subject[]): SubjectValue[] {
  return subjects.map((s) => ({
    pick: {
      value: s.personId ? REF.person(s.personId) : s.unitId ? REF.unit(s.unitId) : REF.text(s.name),
      label: s.name,
    },
    post: s.post ?? undefined,
    level: s.managementLevel ?? undefined,
  }));
}

/** The same subjects once, in order (when several intake items name the same person). */
export function uniqueSubjects(rows: readonly SubjectValue[]): SubjectValue[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = r.pick?.value;
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The persons and units reported: a picker row each (person, unit or typed name), with
 * the post and management level at the time. Picking a person fills in their current
 * ones, which the user may correct.
 */
export function SubjectsField({
  name,
  label,
  atLeastOne,
  'data-testid': testId,
}: {
  name: string;
  label: string;
  atLeastOne?: boolean;
  /** Prefix of the rows' test ids. */
  'data-testid': string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rules = atLeastOne
    ? [
        {
          validator: async (_r: unknown, rows: SubjectValue[] | undefined) => {
            if (!rows?.length) throw new Error(t('editing.subjects.required'));
          },
        },
      ]
    : [];
  return (
    <Form.List name={name} rules={rules}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={label} required={atLeastOne} extra={t('editing.subjects.hint')}>
          <Flex vertical gap={8}>
            {fields.map((f, index) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item
                  name={[f.name, 'pick']}
                  rules={[{ required: true, message: t('editing.subjects.pickRequired') }]}
                  style={{ flex: 3, margin: 0, minWidth: 0 }}
                >
                  <SubjectPicker
                    data-testid={`${testId}-${index}`}
                    onPick={(d) => {
                      form.setFieldValue([name, f.name, POST], d.post ?? undefined);
                      form.setFieldValue([name, f.name, LEVEL], d.managementLevel ?? undefined);
                    }}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'post']}
                  rules={[{ max: 60, message: t('validation.maxLength', { max: 60 }) }]}
                  style={{ flex: 2, margin: 0, minWidth: 0 }}
                >
                  <Input placeholder={t('editing.subjects.post')} data-testid={`${testId}-${index}-post`} />
                </Form.Item>
                <Form.Item name={[f.name, 'level']} style={{ flex: 1.4, margin: 0, minWidth: 0 }}>
                  <EnumSelect
                    branch={LEVELS_BRANCH}
                    values={MANAGEMENT_LEVELS}
                    allowClear
                    placeholder={t('editing.subjects.level')}
                  />
                </Form.Item>
                <MinusCircleOutlined
                  onClick={() => remove(f.name)}
                  aria-label={t('common.remove')}
                  data-testid={`${testId}-${index}-remove`}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              data-testid={`${testId}-add`}
            >
              {t('editing.subjects.add')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
