import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../shared/contracts/reference';

/** One conflict's evidence in words, e.g. "worked at this unit 2019–2023, rule: within 3 years". */
export function useConflictText(): (c: Conflict) => string {
  const { t } = useTranslation();
  return (c) => {
    const period = t('reference.dateRange', { from: c.from ?? '…', to: c.to ?? t('reference.present') });
    switch (c.kind) {
      case 'relation_with_unit_leader':
        return t('reference.recusal.evidence.relation', {
          relation: c.relationType ? t(`reference.relationTypes.${c.relationType}`) : '',
          name: c.relatedName ?? '',
        });
      case 'alma_mater':
        return t('reference.recusal.evidence.almaMater', { name: c.relatedName ?? '' });
      case 'worked_at_unit_within_years':
        return t('reference.recusal.evidence.workedWithin', { period, years: c.years ?? 0 });
      case 'worked_at_unit_longer_than_years':
        return t('reference.recusal.evidence.workedLonger', {
          period,
          total: c.totalYears ?? 0,
          years: c.years ?? 0,
        });
    }
  };
}

/** The conflicts the recusal check found, each with its rule and evidence. */
export function ConflictList({ conflicts }: { conflicts: Conflict[] }) {
  const { t } = useTranslation();
  const text = useConflictText();
  if (conflicts.length === 0) {
    return <Alert type="success" showIcon title={t('reference.recusal.none')} data-testid="recusal-clear" />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="recusal-conflicts"
      title={t('reference.recusal.found', { count: conflicts.length })}
      description={
        <List
          size="small"
          dataSource={conflicts}
          renderItem={(c) => (
            <List.Item data-testid="recusal-conflict" style={{ paddingLeft: 0 }}>
              <div>
                <Typography.Text strong>{t('reference.recusal.rule', { rule: c.ruleLabel })}</Typography.Text>
                <br />
                <Typography.Text>{text(c)}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      }
    />
  );
}
