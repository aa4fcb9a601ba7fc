import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedOfficeView } from '../../../../shared/contracts/offices';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../i18n/format';
import { FingerprintDisplay } from './fingerprint-display';
import { ImportCardModal } from './import-card-modal';
import { useTrustedOffices } from './offices-data';
import { RevokeModal } from './revoke-modal';
import { TrustHistoryDrawer } from './trust-history-drawer';

const STATUS_COLOR: Record<TrustedOfficeView['status'], string> = {
  trusted: 'green',
  rotated: 'blue',
  revoked: 'red',
};

/** 信任列表: every office this one exchanges with, revoked ones kept for the record. */
export function TrustedOfficesPanel({ manage, history }: { manage: boolean; history: boolean }) {
  const { t, i18n } = useTranslation();
  const offices = useTrustedOffices();
  const [importing, setImporting] = useState(false);
  const [revoking, setRevoking] = useState<TrustedOfficeView | null>(null);
  const [showing, setShowing] = useState<TrustedOfficeView | null>(null);
  const at = (iso: string) => formatDateTime(iso, i18n.language);

  const columns: ColumnsType<TrustedOfficeView> = [
    {
      title: t('offices.trusted.columns.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, o) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          {o.status === 'revoked' ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('offices.trusted.revokedInfo', {
                by: o.revokedBy,
                at: at(o.revokedAt!),
                reason: o.revokedReason,
              })}
            </Typography.Text>
          ) : o.rotatedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('offices.trusted.rotatedInfo', { at: at(o.rotatedAt) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('offices.trusted.columns.fingerprint'),
      dataIndex: 'fingerprint',
      render: (fp: string) => <FingerprintDisplay fingerprint={fp} size="small" />,
    },
    {
      title: t('offices.trusted.columns.trusted'),
      dataIndex: 'trustedAt',
      width: 170,
      render: (when: string, o) => (
        <Flex vertical>
          <span>{o.trustedBy}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {at(when)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('offices.trusted.columns.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: TrustedOfficeView['status']) => (
        <Tag color={STATUS_COLOR[s]} data-testid="offices-status">
          {t(`offices.trusted.status.${s}`)}
        </Tag>
      ),
    },
    ...(manage || history
      ? [
          {
            title: t('offices.trusted.columns.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, o: TrustedOfficeView) => (
              <Flex gap={4}>
                {history ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setShowing(o)}
                    data-testid="offices-history-open"
                  >
                    {t('offices.trusted.history')}
                  </Button>
                ) : null}
                {manage && o.status !== 'revoked' ? (
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setRevoking(o)}
                    data-testid="offices-revoke"
                  >
                    {t('offices.trusted.revoke')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('offices.trusted.title')}
      extra={
        manage ? (
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => setImporting(true)}
            data-testid="offices-import"
          >
            {t('offices.trusted.import')}
          </Button>
        ) : null
      }
      data-testid="offices-trusted"
    >
      <ErrorAlert result={offices} />
      <Table
        rowKey="officeId"
        size="middle"
        loading={offices.isPending}
        dataSource={offices.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('offices.trusted.empty')} /> }}
        onRow={(o) => ({ 'data-testid': `offices-row-${o.officeId}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {manage ? (
        <>
          <ImportCardModal open={importing} onClose={() => setImporting(false)} />
          <RevokeModal office={revoking} onClose={() => setRevoking(null)} />
        </>
      ) : null}
      {history ? <TrustHistoryDrawer office={showing} onClose={() => setShowing(null)} /> : null}
    </Card>
  );
}
