import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/contract';
import { call } from '../api/client';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert } from './error-alert';

interface RecordHistoryProps {
  entityType: string;
  entityId: string;
  /** The label of a changed field (e.g. t('reference.fields.name')). */
  fieldLabel: (field: string) => string;
  /** How to show one old or new value; null is shown as an empty mark. */
  formatValue?: (field: string, value: unknown) => ReactNode;
}

function plain(value: unknown, separator: string): ReactNode {
  if (Array.isArray(value)) return value.join(separator);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * A record's full history from the audit log: who, when, what, and each changed
 * field as old → new (from the entry's `details.changes`). Newest first.
 */
export function RecordHistory({ entityType, entityId, fieldLabel, formatValue }: RecordHistoryProps) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['records', 'history', entityType, entityId],
    queryFn: () => call('records:history', { entityType, entityId }),
    staleTime: 0,
  });
  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorAlert result={history} />;
  if (history.data.length === 0) return <Empty description={t('history.empty')} />;

  const show = (field: string, value: unknown): ReactNode =>
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? (
      <Typography.Text type="secondary">{t('history.none')}</Typography.Text>
    ) : (
      (formatValue?.(field, value) ?? plain(value, t('common.listSeparator')))
    );

  const entries = [...history.data].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline
      data-testid="record-history"
      items={entries.map((entry: AuditEntry) => {
        const changes = (entry.details.changes ?? {}) as Record<string, [unknown, unknown]>;
        const reason = entry.details.overrideReason;
        // An edit's "reason for change", a removal's reason.
        const changeReason = entry.details.reason;
        return {
          key: entry.seq,
          children: (
            <div data-testid="record-history-entry">
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{t(`audit.actions.${entry.action}`)}</Typography.Text>
                {/* An entry about one file (an attachment previewed or saved) names it. */}
                {typeof entry.details.fileName === 'string' ? <Tag>{entry.details.fileName}</Tag> : null}
                <Typography.Text type="secondary">
                  {entry.actorName ?? t('audit.noActor')} · {formatDateTime(entry.at, i18n.language)}
                </Typography.Text>
              </Flex>
              {Object.entries(changes).map(([field, [before, after]]) => (
                <div key={field} style={{ marginTop: 4 }}>
                  <Tag>{fieldLabel(field)}</Tag>
                  {show(field, before)}
                  <Typography.Text type="secondary"> → </Typography.Text>
                  {show(field, after)}
                </div>
              ))}
              {typeof reason === 'string' ? (
                <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
                  {t('history.overrideReason', { reason })}
                </Typography.Paragraph>
              ) : null}
              {typeof changeReason === 'string' ? (
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                  {t('editing.history.reason', { reason: changeReason })}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
