import { ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { ROLES, type Role } from '../../../../shared/roles';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { formatDateTime } from '../../i18n/format';
import { MONO_FONT_STACK } from '../../i18n/i18n';

const PAGE_SIZE = 50;

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

function roleList(t: TFunction, value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((r) => (isRole(r) ? t(`roles.names.${r}`) : String(r))).join(t('common.listSeparator'));
}

/** Trust store and key entries: the office, its fingerprints, the reason (all public). */
function describeOfficeDetails(t: TFunction, action: string, d: Record<string, unknown>): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : '—');
  switch (action) {
    case 'office.trust':
      return t('audit.details.officeTrust', { name: text(d.name), fingerprint: text(d.fingerprint) });
    case 'office.revoke':
      return t('audit.details.officeRevoke', { name: text(d.name), reason: text(d.reason) });
    case 'office.card_export':
      return t('audit.details.officeCardExport', {
        file: text(d.fileName),
        fingerprint: text(d.fingerprint),
      });
    case 'office.rotation_accept':
      return t('audit.details.officeRotation', { name: text(d.name), from: text(d.from), to: text(d.to) });
    default:
      return t('audit.details.officeKeys', { from: text(d.from), to: text(d.to) });
  }
}

/** A short, translated reading of an entry's details for the actions we know. */
function describeDetails(t: TFunction, entry: AuditEntry): string {
  const d = entry.details;
  switch (entry.action) {
    case 'user.create':
      return typeof d.name === 'string'
        ? t('audit.details.userCreate', { name: d.name, roles: roleList(t, d.roles) })
        : t('audit.details.roles', { roles: roleList(t, d.roles) });
    case 'user.roles':
      return t('audit.details.userRoles', { from: roleList(t, d.from), to: roleList(t, d.to) });
    case 'user.remove':
      return t('audit.details.userRemove', { name: String(d.name ?? '') });
    case 'user.auto_lock':
      return t('audit.details.autoLock', { from: Number(d.from), to: Number(d.to) });
    case 'office.trust':
    case 'office.revoke':
    case 'office.rotation_accept':
    case 'office.keys_rotate':
    case 'office.card_export':
      return describeOfficeDetails(t, entry.action, d);
    case 'session.lock':
      return typeof d.reason === 'string'
        ? t(`audit.lockReasons.${d.reason}`, { defaultValue: d.reason })
        : '';
    default:
      return '';
  }
}

/** The hash-chained audit log, newest first, fifty at a time. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const audit = useInfiniteQuery({
    queryKey: queryKeys.audit,
    queryFn: ({ pageParam }) =>
      call(
        'audit:list',
        pageParam === undefined ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, beforeSeq: pageParam },
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => {
      const oldest = last[last.length - 1];
      return last.length === PAGE_SIZE && oldest && oldest.seq > 1 ? oldest.seq : undefined;
    },
    staleTime: 0,
  });
  const entries = audit.data?.pages.flat() ?? [];

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.columns.seq'),
      dataIndex: 'seq',
      key: 'seq',
      width: 80,
      render: (seq: number) => <span style={{ fontFamily: MONO_FONT_STACK }}>{seq}</span>,
    },
    {
      title: t('audit.columns.time'),
      dataIndex: 'at',
      key: 'at',
      width: 190,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('audit.columns.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      width: 140,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('audit.noActor')}</Typography.Text>,
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      key: 'action',
      width: 160,
      render: (action: string) => <Tag>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>,
    },
    {
      title: t('audit.columns.entity'),
      key: 'entity',
      width: 200,
      render: (_v, entry) => (
        <Flex gap={6} align="baseline">
          <span>{t(`audit.entityTypes.${entry.entityType}`, { defaultValue: entry.entityType })}</span>
          {entry.entityId ? (
            <Typography.Text
              type="secondary"
              style={{ fontFamily: MONO_FONT_STACK, fontSize: 12 }}
              title={entry.entityId}
            >
              {entry.entityId.slice(0, 8)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('audit.columns.details'),
      key: 'details',
      render: (_v, entry) => describeDetails(t, entry),
    },
  ];

  return (
    <PageContainer
      title={t('audit.title')}
      description={t('audit.subtitle')}
      data-testid="audit-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void audit.refetch()} loading={audit.isRefetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <ErrorAlert result={audit} style={{ margin: 16 }} />
        <Table<AuditEntry>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={entries}
          loading={audit.isPending}
          pagination={false}
          data-testid="audit-table"
        />
        <Flex justify="center" align="center" gap={12} style={{ padding: 16 }}>
          <Typography.Text type="secondary">{t('audit.shown', { total: entries.length })}</Typography.Text>
          {audit.hasNextPage ? (
            <Button
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
              data-testid="audit-load-more"
            >
              {t('common.loadMore')}
            </Button>
          ) : entries.length > 0 ? (
            <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </PageContainer>
  );
}
