import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { CASE_PHASES, type CaseSummary, type Round } from '../../../../shared/contracts/reference';
import { mayCall } from '../../app/access';
import { useCurrentCase } from '../../app/current-case';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { CaseDrawer } from './case-drawer';
import { DateField, notBefore } from './date-field';
import { EnumSelect } from './enum-select';
import { DateRange, PHASE_COLORS } from './format';
import { useCases, useRefMutation, useRounds, useUnits } from './queries';
import { BRANCH, NEW, SEARCH_BY_LABEL, FIELD, SUBMIT } from './keys';

/** Rounds and cases (one inspection of one unit in one round) with their groups. */
export function CasesPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const canEdit = mayCall('cases:save', session.user.roles);
  const cases = useCases();
  const rounds = useRounds();
  const { setCaseId } = useCurrentCase();
  const [roundForm, setRoundForm] = useState<Round | 'new' | null>(null);
  const [editing, setEditing] = useState<CaseSummary | 'new' | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('reference.fields.code'),
      dataIndex: 'code',
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (code: string, c) => (
        <Typography.Link onClick={() => setViewing(c.id)} data-testid={`case-open-${code}`}>
          {code}
        </Typography.Link>
      ),
    },
    {
      title: t('reference.fields.roundId'),
      dataIndex: 'roundName',
      filters: (rounds.data ?? []).map((r) => ({ text: r.name, value: r.id })),
      onFilter: (v, c) => c.roundId === v,
    },
    { title: t('reference.cases.inspectedUnit'), dataIndex: 'unitName' },
    { title: t('reference.fields.groupName'), dataIndex: 'groupName' },
    {
      title: t('reference.fields.phase'),
      dataIndex: 'phase',
      filters: CASE_PHASES.map((v) => ({ text: t(`reference.phases.${v}`), value: v })),
      onFilter: (v, c) => c.phase === v,
      render: (v: CaseSummary['phase']) => <Tag color={PHASE_COLORS[v]}>{t(`reference.phases.${v}`)}</Tag>,
    },
    {
      title: t('reference.cases.planned'),
      key: 'planned',
      render: (_v, c) => <DateRange from={c.plannedStart} to={c.plannedEnd} />,
    },
    { title: t('reference.cases.members'), dataIndex: 'memberCount', width: 90 },
    {
      // Content is for the group only: a case manager sees other cases here, not their ledgers.
      title: t('reference.cases.myRole'),
      dataIndex: 'myGroupRole',
      width: 120,
      render: (v: CaseSummary['myGroupRole']) =>
        v ? (
          <Tag color="blue">{t(`reference.groupRoles.${v}`)}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('reference.cases.notInGroup')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_v, c) => (
        <Flex gap={4}>
          {c.myGroupRole ? (
            <Button
              type="link"
              size="small"
              onClick={() => setCaseId(c.id)}
              data-testid={`case-select-${c.code}`}
            >
              {t('reference.cases.makeCurrent')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
              {t('reference.edit')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  const roundColumns: ColumnsType<Round> = [
    { title: t('reference.fields.name'), dataIndex: 'name' },
    { title: t('reference.fields.year'), dataIndex: 'year', width: 100 },
    { title: t('reference.fields.sequence'), dataIndex: 'sequence', width: 100 },
    {
      title: t('reference.persons.period'),
      key: 'period',
      render: (_v, r) => <DateRange from={r.startDate} to={r.endDate} />,
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_v: unknown, r: Round) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setRoundForm(r)}
                data-testid={`round-edit-${r.name}`}
              >
                {t('reference.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <PageContainer
      title={t('reference.cases.title')}
      description={t('reference.cases.subtitle')}
      data-testid="cases-page"
      extra={
        canEdit ? (
          <Flex gap={8}>
            <Button icon={<PlusOutlined />} onClick={() => setRoundForm(NEW)} data-testid="round-create">
              {t('reference.rounds.create')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(NEW)}
              data-testid="case-create"
            >
              {t('reference.cases.create')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Card size="small" title={t('reference.rounds.title')} style={{ marginBottom: 16 }}>
        <ErrorAlert result={rounds} />
        <Table<Round>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rounds.data ?? []}
          loading={rounds.isPending}
          data-testid="rounds-table"
          locale={{ emptyText: t('reference.rounds.empty') }}
          columns={roundColumns}
        />
      </Card>
      <Card size="small" title={t('reference.cases.list')}>
        <ErrorAlert result={cases} />
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cases.data ?? []}
          loading={cases.isPending}
          pagination={{ pageSize: 20, showTotal: (total) => t('reference.total', { total }) }}
          data-testid="cases-table"
        />
      </Card>
      <RoundFormModal
        round={roundForm === NEW ? null : roundForm}
        open={roundForm !== null}
        onClose={() => setRoundForm(null)}
      />
      <CaseFormModal
        kase={editing === NEW ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <CaseDrawer caseId={viewing} canEdit={canEdit} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}

interface RoundValues {
  name: string;
  year: number;
  sequence: number;
  startDate?: string | null;
  endDate?: string | null;
}

/** Opens a round, or edits one (`round`): name, year, sequence, dates in order. */
function RoundFormModal({
  round,
  open,
  onClose,
}: {
  round: Round | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundValues>();
  const save = useRefMutation('rounds:save', (r) => {
    void message.success(t('reference.saved', { name: r.name }));
    onClose();
  });
  return (
    <Modal
      open={open}
      title={round ? t('editing.rounds.editTitle') : t('reference.rounds.create')}
      onCancel={() => !save.isPending && onClose()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, ...SUBMIT.round }}
      destroyOnHidden
      afterClose={() => save.reset()}
    >
      <Form<RoundValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={round ?? { year: new Date().getFullYear(), sequence: 1 }}
        onFinish={(v) =>
          save.mutate({
            ...(round ? { id: round.id } : {}),
            name: v.name.trim(),
            year: v.year,
            sequence: v.sequence,
            startDate: v.startDate ?? null,
            endDate: v.endDate ?? null,
          })
        }
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="name"
          label={t('reference.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('reference.required') },
            { max: 80, message: t('validation.maxLength', { max: 80 }) },
          ]}
        >
          <Input data-testid="round-form-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="year" label={t('reference.fields.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sequence" label={t('reference.fields.sequence')} rules={[{ required: true }]}>
              <InputNumber min={1} max={99} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="startDate" label={t('reference.fields.startDate')}>
              <DateField data-testid="round-form-start" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endDate"
              label={t('reference.fields.endDate')}
              dependencies={[FIELD.startDate]}
              rules={[notBefore(FIELD.startDate, t('reference.datesOutOfOrder'))]}
            >
              <DateField data-testid="round-form-end" />
            </Form.Item>
          </Col>
        </Row>
        <ErrorAlert result={save} />
      </Form>
    </Modal>
  );
}

const CASE_DEFAULTS = { phase: 'preparation' } as const;

interface CaseValues {
  roundId: string;
  unitId: string;
  code: string;
  groupName: string;
  phase: CaseSummary['phase'];
  plannedStart?: string | null;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
}

function CaseFormModal({
  kase,
  open,
  onClose,
}: {
  kase: CaseSummary | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseValues>();
  const rounds = useRounds();
  const units = useUnits();
  const save = useRefMutation('cases:save', (c) => {
    void message.success(t('reference.saved', { name: c.code }));
    onClose();
  });
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });
  const date = (name: keyof CaseValues, after?: keyof CaseValues) => (
    <Form.Item
      name={name}
      label={t(`reference.fields.${name}`)}
      dependencies={after ? [after] : undefined}
      rules={after ? [notBefore(after, t('reference.datesOutOfOrder'))] : undefined}
    >
      <DateField data-testid={`case-form-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={kase ? t('reference.cases.editTitle') : t('reference.cases.create')}
      onCancel={() => !save.isPending && onClose()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, ...SUBMIT.kase }}
      destroyOnHidden
      afterClose={() => save.reset()}
      width={640}
    >
      <Form<CaseValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={kase ?? CASE_DEFAULTS}
        onFinish={(v) =>
          save.mutate({
            ...(kase ? { id: kase.id } : {}),
            roundId: v.roundId,
            unitId: v.unitId,
            code: v.code.trim(),
            groupName: v.groupName.trim(),
            phase: v.phase,
            plannedStart: v.plannedStart ?? null,
            plannedEnd: v.plannedEnd ?? null,
            actualStart: v.actualStart ?? null,
            actualEnd: v.actualEnd ?? null,
          })
        }
        style={{ marginTop: 16 }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="roundId"
              label={t('reference.fields.roundId')}
              rules={[{ required: true, message: t('reference.required') }]}
            >
              <Select
                data-testid="case-form-round"
                options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="unitId"
              label={t('reference.cases.inspectedUnit')}
              rules={[{ required: true, message: t('reference.required') }]}
            >
              <Select
                showSearch={SEARCH_BY_LABEL}
                data-testid="case-form-unit"
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('reference.fields.code')}
              rules={[{ required: true, whitespace: true, message: t('reference.required') }, max(40)]}
            >
              <Input data-testid="case-form-code" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="groupName"
              label={t('reference.fields.groupName')}
              rules={[{ required: true, whitespace: true, message: t('reference.required') }, max(40)]}
            >
              <Input data-testid="case-form-group" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phase" label={t('reference.fields.phase')} rules={[{ required: true }]}>
              <EnumSelect branch={BRANCH.phases} values={CASE_PHASES} />
            </Form.Item>
          </Col>
          <Col span={12} />
          <Col span={12}>{date(FIELD.plannedStart)}</Col>
          <Col span={12}>{date(FIELD.plannedEnd, FIELD.plannedStart)}</Col>
          <Col span={12}>{date(FIELD.actualStart)}</Col>
          <Col span={12}>{date(FIELD.actualEnd, FIELD.actualStart)}</Col>
        </Row>
        <ErrorAlert result={save} />
      </Form>
    </Modal>
  );
}
