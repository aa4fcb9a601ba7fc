import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { MANAGEMENT_LEVELS, type PersonSummary } from '../../../../shared/contracts/reference';
import { mayCall } from '../../app/access';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { PersonDrawer } from './person-drawer';
import { PersonFormModal } from './person-form';
import { usePersons, useRefMutation, useUnits } from './queries';
import { NEW, SEARCH_BY_LABEL } from './keys';
import { EditRemoveActions } from './row-actions';

/** Persons: list with search and unit filter, detail drawer with post history (`openId` on arrival). */
export function PersonsPage({ session, openId }: { session: SessionInfo; openId?: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = mayCall('persons:save', session.user.roles);
  const persons = usePersons();
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [viewing, setViewing] = useState<string | null>(openId ?? null);
  const remove = useRefMutation('persons:remove', () => void message.success(t('reference.persons.removed')));

  const needle = search.trim();
  const rows = (persons.data ?? []).filter(
    (p) =>
      (!unitId || p.unitId === unitId) &&
      (!needle ||
        p.name.includes(needle) ||
        p.aliases.some((a) => a.includes(needle)) ||
        (p.post ?? '').includes(needle)),
  );

  const columns: ColumnsType<PersonSummary> = [
    {
      title: t('reference.fullName'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, p) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Link onClick={() => setViewing(p.id)} data-testid={`person-open-${name}`}>
            {name}
          </Typography.Link>
          {p.aliases.length > 0 ? (
            <Typography.Text type="secondary">({p.aliases.join(t('common.listSeparator'))})</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('reference.fields.unitId'), dataIndex: 'unitName' },
    { title: t('reference.fields.post'), dataIndex: 'post' },
    {
      title: t('reference.fields.managementLevel'),
      dataIndex: 'managementLevel',
      width: 110,
      filters: MANAGEMENT_LEVELS.map((v) => ({ text: t(`reference.levels.${v}`), value: v })),
      onFilter: (v, p) => p.managementLevel === v,
      render: (v: string | null) => (v ? t(`reference.levels.${v}`) : ''),
    },
    {
      title: t('reference.persons.flags'),
      key: 'flags',
      width: 160,
      filters: [
        { text: t('reference.fields.isLeadership'), value: 'lead' },
        { text: t('reference.persons.inPool'), value: 'pool' },
      ],
      onFilter: (v, p) => (v === 'lead' ? p.isLeadership : p.inPool),
      render: (_v, p) => (
        <Flex gap={4}>
          {p.isLeadership ? <Tag color="volcano">{t('reference.fields.isLeadership')}</Tag> : null}
          {p.inPool ? <Tag color="green">{t('reference.persons.inPool')}</Tag> : null}
        </Flex>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v, p) => (
        <EditRemoveActions
          onEdit={() => setEditing(p.id)}
          onRemove={() => remove.mutateAsync({ id: p.id })}
          confirmTitle={t('reference.persons.removeConfirm', { name: p.name })}
        />
      ),
    });
  }

  return (
    <PageContainer
      title={t('reference.persons.title')}
      description={t('reference.persons.subtitle')}
      data-testid="persons-page"
      extra={
        canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(NEW)}
            data-testid="person-create"
          >
            {t('reference.persons.create')}
          </Button>
        ) : null
      }
    >
      <Card size="small">
        <ErrorAlert result={persons} style={{ marginBottom: 12 }} />
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('reference.persons.search')}
            onChange={(e) => setSearch(e.target.value)}
            style={{ maxWidth: 320 }}
            data-testid="person-search"
          />
          <Select
            allowClear
            showSearch={SEARCH_BY_LABEL}
            placeholder={t('reference.persons.filterUnit')}
            style={{ width: 260 }}
            value={unitId}
            onChange={(v: string | undefined) => setUnitId(v ?? null)}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Flex>
        <Table<PersonSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={persons.isPending}
          pagination={{ pageSize: 20, showTotal: (total) => t('reference.total', { total }) }}
          data-testid="persons-table"
        />
      </Card>
      <PersonFormModal
        personId={editing === NEW ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <PersonDrawer personId={viewing} canEdit={canEdit} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}
