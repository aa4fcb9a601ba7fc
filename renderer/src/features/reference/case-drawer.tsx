import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import {
  BACKGROUNDS,
  GROUP_ROLES,
  type CaseMember,
  type Conflict,
  type GroupRole,
} from '../../../../shared/contracts/reference';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { RecordHistory } from '../../components/record-history';
import { errorMessage } from '../../i18n/i18n';
import { ConflictList } from './conflict-list';
import { EnumSelect } from './enum-select';
import { DateRange, PHASE_COLORS, useHistoryFormat } from './format';
import { MemberAccountSelect } from './member-account';
import { refKeys, usePool, useRefMutation } from './queries';
import { BRANCH, ENTITY, SEARCH_BY_LABEL, FIELD } from './keys';

/** One case: its dates and phase, its group (with the recusal check) and its history. */
export function CaseDrawer({
  caseId,
  canEdit,
  onClose,
}: {
  caseId: string | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useHistoryFormat();
  const kase = useQuery({
    queryKey: refKeys.kase(caseId ?? ''),
    queryFn: () => call('cases:get', { id: caseId! }),
    enabled: caseId !== null,
  });
  const removeMember = useRefMutation('cases:removeMember');
  const c = kase.data;
  const memberColumns: ColumnsType<CaseMember> = [
    { title: t('reference.fullName'), dataIndex: 'name' },
    {
      title: t('reference.fields.groupRole'),
      dataIndex: 'groupRole',
      render: (v: GroupRole) => <Tag color="blue">{t(`reference.groupRoles.${v}`)}</Tag>,
    },
    {
      title: t('reference.fields.userId'),
      dataIndex: 'userName',
      width: canEdit ? 200 : undefined,
      render: (v: string | null, m: CaseMember) => (canEdit ? <MemberAccountSelect member={m} /> : v),
    },
    {
      title: t('reference.fields.overrideReason'),
      dataIndex: 'overrideReason',
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <Tag color="warning" data-testid="member-override">
              {t('reference.recusal.overridden')}
            </Tag>
          </Tooltip>
        ) : null,
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 70,
            render: (_v: unknown, m: CaseMember) => (
              <Popconfirm
                title={t('reference.cases.removeMemberConfirm', { name: m.name })}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  removeMember
                    .mutateAsync({ id: m.id })
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
  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      width={860}
      title={c ? `${c.code} ${c.unitName}` : t('reference.cases.detail')}
      data-testid="case-drawer"
    >
      <ErrorAlert result={kase} />
      {!c ? (
        <Spin />
      ) : (
        <>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('reference.fields.code')}>{c.code}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.roundId')}>{c.roundName}</Descriptions.Item>
            <Descriptions.Item label={t('reference.cases.inspectedUnit')}>{c.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.groupName')}>{c.groupName}</Descriptions.Item>
            <Descriptions.Item label={t('reference.fields.phase')}>
              <Tag color={PHASE_COLORS[c.phase]}>{t(`reference.phases.${c.phase}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.cases.planned')}>
              <DateRange from={c.plannedStart} to={c.plannedEnd} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reference.cases.actual')} span={2}>
              <DateRange from={c.actualStart} to={c.actualEnd} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('reference.cases.group')}
          </Typography.Title>
          <Table<CaseMember>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.members}
            data-testid="case-members"
            locale={{ emptyText: t('reference.cases.noMembers') }}
            columns={memberColumns}
          />
          {canEdit ? <AssignMemberForm caseId={c.id} taken={c.members.map((m) => m.inspectorId)} /> : null}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('history.title')}
          </Typography.Title>
          <RecordHistory entityType={ENTITY.kase} entityId={c.id} {...format} />
        </>
      )}
    </Drawer>
  );
}

const ASSIGN_DEFAULTS = { groupRole: 'member' } as const;

interface AssignValues {
  inspectorId: string;
  groupRole: GroupRole;
  userId?: string | null;
  overrideReason?: string;
}

/**
 * Adds an inspector to the group: the recusal check runs first and shows each conflict;
 * a conflicted assignment needs a written reason (the core refuses it otherwise).
 */
function AssignMemberForm({ caseId, taken }: { caseId: string; taken: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const pool = usePool();
  const accounts = useQuery({ queryKey: refKeys.accounts, queryFn: () => call('cases:accounts', {}) });
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [background, setBackground] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (v: { inspectorId: string; groupRole: GroupRole }) =>
      call('cases:checkRecusal', { caseId, ...v }),
    onSuccess: setConflicts,
  });
  const suggest = useMutation({
    mutationFn: (groupRole: GroupRole) =>
      call('cases:suggest', {
        caseId,
        groupRole,
        ...(background ? { background: background as (typeof BACKGROUNDS)[number] } : {}),
      }),
  });
  const add = useRefMutation('cases:addMember', () => {
    void message.success(t('reference.cases.memberAdded'));
    form.resetFields();
    setConflicts(null);
    suggest.reset();
  });

  const runCheck = () => {
    const { inspectorId, groupRole } = form.getFieldsValue();
    setConflicts(null);
    if (inspectorId && groupRole) check.mutate({ inspectorId, groupRole });
  };
  const hasConflicts = (conflicts?.length ?? 0) > 0;

  return (
    <Card size="small" title={t('reference.cases.addMember')} style={{ marginTop: 12 }}>
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={ASSIGN_DEFAULTS}
        onValuesChange={(changed: Partial<AssignValues>) => {
          if ('inspectorId' in changed || 'groupRole' in changed) runCheck();
          if (add.isError) add.reset();
        }}
        onFinish={(v) =>
          add.mutate({
            caseId,
            inspectorId: v.inspectorId,
            groupRole: v.groupRole,
            userId: v.userId ?? null,
            ...(hasConflicts && v.overrideReason?.trim() ? { overrideReason: v.overrideReason.trim() } : {}),
          })
        }
      >
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item
              name="inspectorId"
              label={t('reference.cases.inspector')}
              rules={[{ required: true, message: t('reference.required') }]}
            >
              <Select
                showSearch={SEARCH_BY_LABEL}
                data-testid="member-form-inspector"
                options={(pool.data ?? [])
                  .filter((i) => !taken.includes(i.id))
                  .map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="groupRole" label={t('reference.fields.groupRole')} rules={[{ required: true }]}>
              <EnumSelect branch={BRANCH.groupRoles} values={GROUP_ROLES} data-testid="member-form-role" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="userId"
              label={t('reference.fields.userId')}
              extra={t('reference.cases.accountHelp')}
            >
              <Select
                allowClear
                data-testid="member-form-account"
                options={(accounts.data ?? []).map((a) => ({
                  value: a.id,
                  label: `${a.displayName} (${a.name})`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <ErrorAlert result={check} style={{ marginBottom: 8 }} />
        {conflicts ? (
          <div style={{ marginBottom: 12 }}>
            <ConflictList conflicts={conflicts} />
          </div>
        ) : null}
        {hasConflicts ? (
          <Form.Item
            name="overrideReason"
            label={t('reference.recusal.overrideReason')}
            extra={t('reference.recusal.overrideHelp')}
            rules={[
              { required: true, whitespace: true, message: t('reference.recusal.reasonRequired') },
              { max: 500, message: t('validation.maxLength', { max: 500 }) },
            ]}
          >
            <Input.TextArea rows={2} data-testid="member-form-reason" />
          </Form.Item>
        ) : null}
        <ErrorAlert result={add} style={{ marginBottom: 8 }} data-testid="member-form-error" />
        <Flex gap={8} wrap align="center">
          <Button
            type="primary"
            htmlType="submit"
            danger={hasConflicts}
            loading={add.isPending}
            data-testid="member-form-submit"
          >
            {hasConflicts ? t('reference.recusal.assignAnyway') : t('reference.cases.addMember')}
          </Button>
          <Select
            allowClear
            placeholder={t('reference.cases.suggestBackground')}
            style={{ width: 160 }}
            value={background}
            onChange={(v: string | undefined) => setBackground(v ?? null)}
            options={BACKGROUNDS.map((b) => ({ value: b, label: t(`reference.backgrounds.${b}`) }))}
          />
          <Button
            onClick={() => suggest.mutate(form.getFieldValue(FIELD.groupRole) as GroupRole)}
            loading={suggest.isPending}
            data-testid="member-suggest"
          >
            {t('reference.cases.suggest')}
          </Button>
        </Flex>
        <ErrorAlert result={suggest} style={{ marginTop: 8 }} />
        {suggest.data ? (
          <Flex gap={6} wrap style={{ marginTop: 8 }} data-testid="member-suggestions">
            <Typography.Text type="secondary">{t('reference.cases.suggested')}</Typography.Text>
            {suggest.data.length === 0 ? (
              <Typography.Text type="secondary">{t('reference.cases.noSuggestions')}</Typography.Text>
            ) : (
              suggest.data.map((i) => (
                <Tag.CheckableTag
                  key={i.id}
                  checked={false}
                  onChange={() => {
                    form.setFieldValue(FIELD.inspectorId, i.id);
                    runCheck();
                  }}
                >
                  {i.name}
                </Tag.CheckableTag>
              ))
            )}
          </Flex>
        ) : null}
      </Form>
    </Card>
  );
}
