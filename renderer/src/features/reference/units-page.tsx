import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, Row, Table, Tag, Tree, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGEMENT_LEVELS, UNIT_TYPES, type Unit } from '../../../../shared/contracts/reference';
import type { SessionInfo } from '../../../../shared/contract';
import { mayCall } from '../../app/access';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { useRefMutation, useUnits } from './queries';
import { UnitDrawer } from './unit-drawer';
import { UnitFormModal } from './unit-form';
import { unitTree } from './unit-tree';
import { NEW } from './keys';
import { EditRemoveActions } from './row-actions';

/** Units (inspected units and other bodies): hierarchy, list with search, detail drawer (`openId` on arrival). */
export function UnitsPage({ session, openId }: { session: SessionInfo; openId?: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = mayCall('units:save', session.user.roles);
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [scope, setScope] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [viewing, setViewing] = useState<string | null>(openId ?? null);
  const remove = useRefMutation('units:remove', () => void message.success(t('reference.units.removed')));

  const all = useMemo(() => units.data ?? [], [units.data]);
  const byId = useMemo(() => new Map(all.map((u) => [u.id, u])), [all]);
  const inScope = (u: Unit): boolean => {
    if (!scope) return true;
    for (
      let cursor: Unit | undefined = u;
      cursor;
      cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined
    )
      if (cursor.id === scope) return true;
    return false;
  };
  const needle = search.trim();
  const rows = all.filter(
    (u) => inScope(u) && (!needle || u.name.includes(needle) || (u.shortName ?? '').includes(needle)),
  );

  const columns: ColumnsType<Unit> = [
    {
      title: t('reference.fields.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, u) => (
        <Typography.Link onClick={() => setViewing(u.id)} data-testid={`unit-open-${name}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('reference.fields.parentId'),
      dataIndex: 'parentId',
      render: (id: string | null) => (id ? (byId.get(id)?.name ?? '') : ''),
    },
    {
      title: t('reference.fields.unitType'),
      dataIndex: 'unitType',
      width: 140,
      filters: UNIT_TYPES.map((v) => ({ text: t(`reference.unitTypes.${v}`), value: v })),
      onFilter: (v, u) => u.unitType === v,
      render: (v: string) => <Tag color="blue">{t(`reference.unitTypes.${v}`)}</Tag>,
    },
    {
      title: t('reference.fields.managementLevel'),
      dataIndex: 'managementLevel',
      width: 120,
      filters: MANAGEMENT_LEVELS.map((v) => ({ text: t(`reference.levels.${v}`), value: v })),
      onFilter: (v, u) => u.managementLevel === v,
      render: (v: string | null) => (v ? t(`reference.levels.${v}`) : ''),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v, u) => (
        <EditRemoveActions
          onEdit={() => setEditing(u)}
          onRemove={() => remove.mutateAsync({ id: u.id })}
          confirmTitle={t('reference.units.removeConfirm', { name: u.name })}
        />
      ),
    });
  }

  return (
    <PageContainer
      title={t('reference.units.title')}
      description={t('reference.units.subtitle')}
      data-testid="units-page"
      extra={
        canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(NEW)}
            data-testid="unit-create"
          >
            {t('reference.units.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert result={units} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col span={7}>
          <Card title={t('reference.units.tree')} size="small" styles={{ body: { minHeight: 320 } }}>
            <Tree
              // Remounted when units are added so the new branches open too.
              key={all.length}
              treeData={unitTree(all)}
              defaultExpandAll
              selectedKeys={scope ? [scope] : []}
              onSelect={(keys) => setScope((keys[0] as string | undefined) ?? null)}
              data-testid="unit-tree"
            />
          </Card>
        </Col>
        <Col span={17}>
          <Card size="small">
            <Flex gap={8} style={{ marginBottom: 12 }} align="center">
              <Input.Search
                allowClear
                placeholder={t('reference.units.search')}
                onChange={(e) => setSearch(e.target.value)}
                style={{ maxWidth: 320 }}
                data-testid="unit-search"
              />
              {scope ? (
                <Tag closable onClose={() => setScope(null)}>
                  {t('reference.units.scope', { name: byId.get(scope)?.name ?? '' })}
                </Tag>
              ) : null}
            </Flex>
            <Table<Unit>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={units.isPending}
              pagination={{ pageSize: 20, showTotal: (total) => t('reference.total', { total }) }}
              data-testid="units-table"
            />
          </Card>
        </Col>
      </Row>
      <UnitFormModal
        unit={editing === NEW ? null : editing}
        open={editing !== null}
        units={all}
        onClose={() => setEditing(null)}
      />
      <UnitDrawer unitId={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}
