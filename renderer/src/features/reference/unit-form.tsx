import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { MANAGEMENT_LEVELS, UNIT_TYPES, type Unit } from '../../../../shared/contracts/reference';
import { ErrorAlert } from '../../components/error-alert';
import { EnumSelect } from './enum-select';
import { useRefMutation } from './queries';
import { unitTree } from './unit-tree';
import { BRANCH, TREE_FIELDS, SUBMIT } from './keys';

const UNIT_DEFAULTS = { unitType: 'party_government' } as const;

interface Values {
  name: string;
  shortName?: string;
  parentId?: string | null;
  unitType: Unit['unitType'];
  managementLevel?: Unit['managementLevel'];
  notes?: string;
}

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

export function UnitFormModal({
  unit,
  open,
  units,
  onClose,
}: {
  unit: Unit | null;
  open: boolean;
  units: readonly Unit[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useRefMutation('units:save', (saved) => {
    void message.success(t('reference.saved', { name: saved.name }));
    onClose();
  });
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });

  return (
    <Modal
      open={open}
      title={unit ? t('reference.units.editTitle') : t('reference.units.create')}
      onCancel={() => !save.isPending && onClose()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, ...SUBMIT.unit }}
      destroyOnHidden
      afterClose={() => save.reset()}
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          unit
            ? {
                ...unit,
                shortName: unit.shortName ?? undefined,
                notes: unit.notes ?? undefined,
              }
            : UNIT_DEFAULTS
        }
        onFinish={(v) =>
          save.mutate({
            ...(unit ? { id: unit.id } : {}),
            name: v.name.trim(),
            shortName: blank(v.shortName),
            parentId: v.parentId ?? null,
            unitType: v.unitType,
            managementLevel: v.managementLevel ?? null,
            notes: blank(v.notes),
          })
        }
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="name"
          label={t('reference.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('reference.required') }, max(80)]}
        >
          <Input data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('reference.fields.shortName')} rules={[max(40)]}>
          <Input />
        </Form.Item>
        <Form.Item name="parentId" label={t('reference.fields.parentId')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={unitTree(units.filter((u) => u.id !== unit?.id))}
            fieldNames={TREE_FIELDS}
            placeholder={t('reference.units.noParent')}
          />
        </Form.Item>
        <Form.Item name="unitType" label={t('reference.fields.unitType')} rules={[{ required: true }]}>
          <EnumSelect branch={BRANCH.unitTypes} values={UNIT_TYPES} data-testid="unit-form-type" />
        </Form.Item>
        <Form.Item name="managementLevel" label={t('reference.fields.managementLevel')}>
          <EnumSelect branch={BRANCH.levels} values={MANAGEMENT_LEVELS} allowClear />
        </Form.Item>
        <Form.Item name="notes" label={t('reference.fields.notes')} rules={[max(2000)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <ErrorAlert result={save} />
      </Form>
    </Modal>
  );
}
