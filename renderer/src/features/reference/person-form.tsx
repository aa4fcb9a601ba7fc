import { useQuery } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Input, Modal, Row, Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { MANAGEMENT_LEVELS, type Person } from '../../../../shared/contracts/reference';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { DateField } from './date-field';
import { EnumSelect } from './enum-select';
import { refKeys, useRefMutation } from './queries';
import { UnitSelect } from './unit-select';
import { BRANCH, GENDERS, CHECKED, SUBMIT } from './keys';

interface Values {
  name: string;
  gender?: Person['gender'];
  birthDate?: string | null;
  unitId?: string | null;
  post?: string;
  managementLevel?: Person['managementLevel'];
  isLeadership?: boolean;
  idNumber?: string;
  aliases?: string[];
  notes?: string;
}

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);
const ID_PATTERN = /^\d{17}[\dXx]$/;

export function PersonFormModal({
  personId,
  open,
  onClose,
}: {
  personId: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const existing = useQuery({
    queryKey: refKeys.person(personId ?? ''),
    queryFn: () => call('persons:get', { id: personId! }),
    enabled: open && personId !== null,
  });
  const save = useRefMutation('persons:save', (saved) => {
    void message.success(t('reference.saved', { name: saved.name }));
    onClose();
  });
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });
  const p = personId ? existing.data : null;
  const ready = personId === null || p !== undefined;

  return (
    <Modal
      open={open}
      title={personId ? t('reference.persons.editTitle') : t('reference.persons.create')}
      onCancel={() => !save.isPending && onClose()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, ...SUBMIT.person }}
      destroyOnHidden
      afterClose={() => save.reset()}
      width={680}
    >
      {!ready ? (
        <Spin />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            p
              ? {
                  name: p.name,
                  gender: p.gender,
                  birthDate: p.birthDate,
                  unitId: p.unitId,
                  post: p.post ?? undefined,
                  managementLevel: p.managementLevel,
                  isLeadership: p.isLeadership,
                  aliases: p.aliases,
                  notes: p.notes ?? undefined,
                }
              : { isLeadership: false, aliases: [] }
          }
          onFinish={(v) => {
            const idNumber = blank(v.idNumber);
            save.mutate({
              ...(p ? { id: p.id } : {}),
              name: v.name.trim(),
              gender: v.gender ?? null,
              birthDate: v.birthDate ?? null,
              unitId: v.unitId ?? null,
              post: blank(v.post),
              managementLevel: v.managementLevel ?? null,
              isLeadership: v.isLeadership ?? false,
              // Left empty: the number on file (which this user may only see masked) stays.
              ...(idNumber ? { idNumber } : {}),
              aliases: (v.aliases ?? []).map((a) => a.trim()).filter(Boolean),
              notes: blank(v.notes),
            });
          }}
          style={{ marginTop: 16 }}
        >
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="name"
                label={t('reference.fullName')}
                rules={[{ required: true, whitespace: true, message: t('reference.required') }, max(40)]}
              >
                <Input data-testid="person-form-name" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="gender" label={t('reference.fields.gender')}>
                <EnumSelect branch={BRANCH.genders} values={GENDERS} allowClear />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="birthDate" label={t('reference.fields.birthDate')}>
                <DateField />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="unitId" label={t('reference.fields.unitId')}>
                <UnitSelect data-testid="person-form-unit" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="post" label={t('reference.fields.post')} rules={[max(80)]}>
                <Input data-testid="person-form-post" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="managementLevel" label={t('reference.fields.managementLevel')}>
                <EnumSelect branch={BRANCH.levels} values={MANAGEMENT_LEVELS} allowClear />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="isLeadership" valuePropName={CHECKED} label=" ">
                <Checkbox data-testid="person-form-leadership">
                  {t('reference.persons.leadershipHelp')}
                </Checkbox>
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="idNumber"
                label={t('reference.fields.idNumber')}
                extra={p?.idNumber ? t('reference.persons.idNumberKeep', { value: p.idNumber }) : undefined}
                rules={[{ pattern: ID_PATTERN, message: t('reference.persons.idNumberInvalid') }]}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="aliases"
                label={t('reference.fields.aliases')}
                rules={[
                  {
                    validator: (_r, v: string[] | undefined) =>
                      (v ?? []).length <= 10 && (v ?? []).every((a) => a.length <= 40)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('reference.persons.aliasesInvalid'))),
                  },
                ]}
              >
                <Select mode="tags" open={false} tokenSeparators={[',', ' ']} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="notes" label={t('reference.fields.notes')} rules={[max(2000)]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
          </Row>
          <ErrorAlert result={save} />
        </Form>
      )}
    </Modal>
  );
}
