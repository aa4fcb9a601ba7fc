import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import {
  AVAILABILITY,
  BACKGROUNDS,
  RELATION_TYPES,
  type Inspector,
  type InspectorSummary,
  type Relation,
} from '../../../../shared/contracts/reference';
import { mayCall } from '../../app/access';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { RecordHistory } from '../../components/record-history';
import { errorMessage } from '../../i18n/i18n';
import { DateField, notBefore } from './date-field';
import { EnumSelect } from './enum-select';
import { DateRange, useHistoryFormat } from './format';
import { refKeys, usePersons, usePool, useRefMutation } from './queries';
import { UnitSelect } from './unit-select';
import { AppraisalActions } from './appraisal-actions';
import { BRANCH, ENTITY, SEARCH_BY_LABEL, FIELD, SUBMIT } from './keys';

const AVAILABILITY_COLORS = { available: 'green', busy: 'gold', unavailable: 'default' } as const;

/** The inspector pool: backgrounds, skills, availability, relations, past rounds. */
export function PoolPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const canEdit = mayCall('pool:save', session.user.roles);
  const pool = usePool();
  const [adding, setAdding] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);

  const columns: ColumnsType<InspectorSummary> = [
    {
      title: t('reference.fullName'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, i) => (
        <Typography.Link onClick={() => setViewing(i.id)} data-testid={`inspector-open-${name}`}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('reference.fields.unitId'), dataIndex: 'unitName' },
    { title: t('reference.fields.post'), dataIndex: 'post' },
    {
      title: t('reference.fields.backgrounds'),
      dataIndex: 'backgrounds',
      filters: BACKGROUNDS.map((v) => ({ text: t(`reference.backgrounds.${v}`), value: v })),
      onFilter: (v, i) => i.backgrounds.includes(v as never),
      render: (bgs: string[]) => bgs.map((b) => <Tag key={b}>{t(`reference.backgrounds.${b}`)}</Tag>),
    },
    { title: t('reference.fields.skills'), dataIndex: 'skills', ellipsis: true },
    {
      title: t('reference.fields.availability'),
      dataIndex: 'availability',
      width: 100,
      filters: AVAILABILITY.map((v) => ({ text: t(`reference.availability.${v}`), value: v })),
      onFilter: (v, i) => i.availability === v,
      render: (v: InspectorSummary['availability']) => (
        <Tag color={AVAILABILITY_COLORS[v]}>{t(`reference.availability.${v}`)}</Tag>
      ),
    },
    {
      title: t('reference.pool.rounds'),
      dataIndex: 'rounds',
      width: 90,
      sorter: (a, b) => a.rounds - b.rounds,
    },
  ];

  return (
    <PageContainer
      title={t('reference.pool.title')}
      description={t('reference.pool.subtitle')}
      data-testid="pool-page"
      extra={
        canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="inspector-create"
          >
            {t('reference.pool.create')}
          </Button>
        ) : null
      }
    >
      <Card size="small">
        <ErrorAlert result={pool} style={{ marginBottom: 12 }} />
        <Table<InspectorSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={pool.data ?? []}
          loading={pool.isPending}
          pagination={{ pageSize: 20, showTotal: (total) => t('reference.total', { total }) }}
          data-testid="pool-table"
        />
      </Card>
      <InspectorFormModal open={adding} onClose={() => setAdding(false)} />
      <InspectorDrawer inspectorId={viewing} canEdit={canEdit} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}

const INSPECTOR_DEFAULTS = { availability: 'available', backgrounds: [] } as const;

function inspectorValues(i: Inspector | undefined): Partial<InspectorValues> {
  if (!i) return { availability: INSPECTOR_DEFAULTS.availability, backgrounds: [] };
  return {
    personId: i.personId,
    backgrounds: i.backgrounds,
    skills: i.skills ?? undefined,
    availability: i.availability,
  };
}

interface InspectorValues {
  personId: string;
  backgrounds: InspectorSummary['backgrounds'];
  skills?: string;
  availability: InspectorSummary['availability'];
}

/** Adds a person to the pool, or edits an entry (`inspector`): backgrounds, skills, availability. */
function InspectorFormModal({
  open,
  inspector,
  onClose,
}: {
  open: boolean;
  inspector?: Inspector;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InspectorValues>();
  const persons = usePersons();
  const save = useRefMutation('pool:save', (saved) => {
    void message.success(t('reference.saved', { name: saved.name }));
    onClose();
  });
  return (
    <Modal
      open={open}
      title={inspector ? t('editing.pool.editTitle', { name: inspector.name }) : t('reference.pool.create')}
      onCancel={() => !save.isPending && onClose()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, ...SUBMIT.inspector }}
      destroyOnHidden
      afterClose={() => save.reset()}
    >
      <Form<InspectorValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={inspectorValues(inspector)}
        onFinish={(v) =>
          save.mutate({
            ...(inspector ? { id: inspector.id } : {}),
            personId: v.personId,
            backgrounds: v.backgrounds,
            skills: v.skills?.trim() ? v.skills.trim() : null,
            availability: v.availability,
          })
        }
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="personId"
          label={t('reference.pool.person')}
          extra={inspector ? undefined : t('reference.pool.personHelp')}
          rules={[{ required: true, message: t('reference.required') }]}
        >
          <Select
            showSearch={SEARCH_BY_LABEL}
            disabled={inspector !== undefined}
            data-testid="inspector-form-person"
            options={
              inspector
                ? [{ value: inspector.personId, label: inspector.name }]
                : (persons.data ?? [])
                    .filter((p) => !p.inPool)
                    .map((p) => ({ value: p.id, label: p.unitName ? `${p.name} (${p.unitName})` : p.name }))
            }
          />
        </Form.Item>
        <Form.Item
          name="backgrounds"
          label={t('reference.fields.backgrounds')}
          rules={[{ required: true, message: t('reference.required') }]}
        >
          <EnumSelect
            branch={BRANCH.backgrounds}
            values={BACKGROUNDS}
            multiple
            data-testid="inspector-form-bg"
          />
        </Form.Item>
        <Form.Item
          name="skills"
          label={t('reference.fields.skills')}
          rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="availability"
          label={t('reference.fields.availability')}
          rules={[{ required: true, message: t('reference.required') }]}
        >
          <EnumSelect
            branch={BRANCH.availability}
            values={AVAILABILITY}
            data-testid="inspector-form-availability"
          />
        </Form.Item>
        <ErrorAlert result={save} />
      </Form>
    </Modal>
  );
}

function InspectorDrawer({
  inspectorId,
  canEdit,
  onClose,
}: {
  inspectorId: string | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useHistoryFormat();
  const [editing, setEditing] = useState(false);
  const inspector = useQuery({
    queryKey: refKeys.inspector(inspectorId ?? ''),
    queryFn: () => call('pool:get', { id: inspectorId! }),
    enabled: inspectorId !== null,
  });
  const removeRelation = useRefMutation('pool:removeRelation');
  const i = inspector.data;
  const relationColumns: ColumnsType<Relation> = [
    {
      title: t('reference.fields.relationType'),
      dataIndex: 'relationType',
      render: (v: string) => <Tag color="purple">{t(`reference.relationTypes.${v}`)}</Tag>,
    },
    {
      title: t('reference.pool.related'),
      key: 'related',
      render: (_v, r) => [r.relatedPersonName, r.relatedUnitName].filter(Boolean).join(' / '),
    },
    {
      title: t('reference.persons.period'),
      key: 'period',
      render: (_v, r) => <DateRange from={r.fromDate} to={r.toDate} />,
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 70,
            render: (_v: unknown, r: Relation) => (
              <Popconfirm
                title={t('reference.pool.removeRelationConfirm')}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  removeRelation
                    .mutateAsync({ id: r.id })
                    .catch((e: unknown) => void message.error(errorMessage(t, e)))
                }
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  const roundColumns: ColumnsType<Inspector['pastRounds'][number]> = [
    { title: t('reference.fields.roundId'), dataIndex: 'roundName' },
    { title: t('reference.fields.code'), dataIndex: 'caseCode' },
    { title: t('reference.fields.unitId'), dataIndex: 'unitName' },
    {
      title: t('reference.fields.groupRole'),
      dataIndex: 'groupRole',
      render: (v: string) => t(`reference.groupRoles.${v}`),
    },
    { title: t('reference.fields.appraisal'), dataIndex: 'appraisal' },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_v: unknown, r: Inspector['pastRounds'][number]) => <AppraisalActions round={r} />,
          },
        ]
      : []),
  ];
  return (
    <Drawer
      open={inspectorId !== null}
      onClose={onClose}
      width={780}
      title={i?.name ?? t('reference.pool.detail')}
      data-testid="inspector-drawer"
      extra={
        i && canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="inspector-edit">
            {t('reference.edit')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert result={inspector} />
      {!i ? (
        <Spin />
      ) : (
        <>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('reference.fullName')}>{i.name}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.unitId')}>
              {[i.unitName, i.post].filter(Boolean).join(' ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.backgrounds')}>
              {i.backgrounds.map((b) => (
                <Tag key={b}>{t(`reference.backgrounds.${b}`)}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.availability')}>
              <Tag color={AVAILABILITY_COLORS[i.availability]}>
                {t(`reference.availability.${i.availability}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.skills')} span={2}>
              {i.skills}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('reference.pool.relations')}
          </Typography.Title>
          <Table<Relation>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={i.relations}
            data-testid="inspector-relations"
            locale={{ emptyText: t('reference.pool.noRelations') }}
            columns={relationColumns}
          />
          {canEdit ? <AddRelationForm inspectorId={i.id} /> : null}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('reference.pool.pastRounds')}
          </Typography.Title>
          <Table
            rowKey="memberId"
            size="small"
            pagination={false}
            dataSource={i.pastRounds}
            data-testid="inspector-past-rounds"
            locale={{ emptyText: t('reference.pool.noRounds') }}
            columns={roundColumns}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('history.title')}
          </Typography.Title>
          <RecordHistory entityType={ENTITY.inspector} entityId={i.id} {...format} />
          <InspectorFormModal open={editing} inspector={i} onClose={() => setEditing(false)} />
        </>
      )}
    </Drawer>
  );
}

interface RelationValues {
  relationType: Relation['relationType'];
  relatedPersonId?: string | null;
  relatedUnitId?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  notes?: string;
}

function AddRelationForm({ inspectorId }: { inspectorId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RelationValues>();
  const persons = usePersons();
  const add = useRefMutation('pool:addRelation', () => {
    void message.success(t('reference.pool.relationAdded'));
    form.resetFields();
  });
  return (
    <Card size="small" title={t('reference.pool.addRelation')} style={{ marginTop: 12 }}>
      <Form<RelationValues>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutate({
            inspectorId,
            relationType: v.relationType,
            relatedPersonId: v.relatedPersonId ?? null,
            relatedUnitId: v.relatedUnitId ?? null,
            fromDate: v.fromDate ?? null,
            toDate: v.toDate ?? null,
            notes: v.notes?.trim() ? v.notes.trim() : null,
          })
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="relationType"
              label={t('reference.fields.relationType')}
              rules={[{ required: true, message: t('reference.required') }]}
            >
              <EnumSelect
                branch={BRANCH.relationTypes}
                values={RELATION_TYPES}
                data-testid="relation-form-type"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="relatedPersonId"
              label={t('reference.pool.relatedPerson')}
              dependencies={[FIELD.relatedUnitId]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, v: string | null | undefined) =>
                    v || getFieldValue(FIELD.relatedUnitId)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('reference.pool.relatedRequired'))),
                }),
              ]}
            >
              <Select
                allowClear
                showSearch={SEARCH_BY_LABEL}
                data-testid="relation-form-person"
                options={(persons.data ?? []).map((p) => ({
                  value: p.id,
                  label: p.unitName ? `${p.name} (${p.unitName})` : p.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="relatedUnitId" label={t('reference.pool.relatedUnit')}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="fromDate" label={t('reference.fields.fromDate')}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="toDate"
              label={t('reference.fields.toDate')}
              dependencies={[FIELD.fromDate]}
              rules={[notBefore(FIELD.fromDate, t('reference.datesOutOfOrder'))]}
            >
              <DateField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="notes"
              label={t('reference.fields.notes')}
              rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <ErrorAlert result={add} style={{ marginBottom: 8 }} />
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="relation-form-submit">
          {t('reference.pool.addRelation')}
        </Button>
      </Form>
    </Card>
  );
}
