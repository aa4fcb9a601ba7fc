import { Drawer, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrustedOfficeView } from '../../../../shared/contracts/offices';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../i18n/format';
import { FingerprintDisplay } from './fingerprint-display';
import { useTrustHistory } from './offices-data';

function HistoryList({ officeId }: { officeId: string }) {
  const { t, i18n } = useTranslation();
  const history = useTrustHistory(officeId);
  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorAlert result={history} />;
  if (history.data.length === 0) return <Empty description={t('offices.trusted.historyEmpty')} />;
  const entries = [...history.data].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline
      data-testid="offices-history"
      items={entries.map((e) => {
        const d = e.details as { fingerprint?: string; to?: string; reason?: string };
        const fingerprint = d.to ?? d.fingerprint;
        return {
          key: e.seq,
          children: (
            <Flex vertical gap={2} data-testid="offices-history-entry">
              <Typography.Text strong>{t(`audit.actions.${e.action}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {e.actorName ?? t('audit.noActor')} · {formatDateTime(e.at, i18n.language)}
              </Typography.Text>
              {fingerprint ? <FingerprintDisplay fingerprint={fingerprint} size="small" /> : null}
              {d.reason ? <Typography.Text type="warning">{d.reason}</Typography.Text> : null}
            </Flex>
          ),
        };
      })}
    />
  );
}

/** The trust store entries of one office from the audit log: trusted, rotated, revoked. */
export function TrustHistoryDrawer({
  office,
  onClose,
}: {
  office: TrustedOfficeView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={office !== null}
      onClose={onClose}
      width={460}
      title={office ? t('offices.trusted.historyTitle', { name: office.name }) : null}
      destroyOnHidden
    >
      {office ? <HistoryList officeId={office.officeId} /> : null}
    </Drawer>
  );
}
