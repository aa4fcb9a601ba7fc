import { useTranslation } from 'react-i18next';
import { useLeadCodes } from './lead-codes';

/** How the audit log writes a value it keeps out of the log (reporter, content, sealed text). */
const SECRET = '***';

const isSecret = (value: unknown) =>
  value === SECRET || (Array.isArray(value) && value.length > 0 && value.every((v) => v === SECRET));

/**
 * Labels and values of an intake item's or a lead's history: codes shown by their
 * translated names, masked values as "changed (confidential)".
 */
export function useRecordHistoryFormat(kind: 'intake' | 'leads') {
  const { t, i18n } = useTranslation();
  const codes = useLeadCodes();
  const sep = t('common.listSeparator');
  const fieldLabel = (field: string) => {
    const own = `${kind}.fields.${field}`;
    return i18n.exists(own) ? t(own) : t(`editing.fields.${field}`, { defaultValue: field });
  };
  const formatValue = (field: string, value: unknown): string | undefined => {
    if (isSecret(value)) return t('editing.history.secret');
    if (field === 'channel' && typeof value === 'string') return t(`intake.channels.${value}`);
    if (field === 'realName' && typeof value === 'boolean') {
      return t(value ? 'intake.realNames.real' : 'intake.realNames.anonymous');
    }
    if (field === 'sealed' && typeof value === 'boolean') {
      return value ? t('leads.sealed') : t('editing.leads.unsealed');
    }
    if (field === 'discipline' && typeof value === 'string') return codes.label(value);
    if (field === 'tags' && Array.isArray(value)) return value.map((c) => codes.label(String(c))).join(sep);
    if (field === 'sources' && Array.isArray(value)) {
      // Each source is "kind [intake number] [note]".
      return value
        .map((s) => {
          const [head = '', ...rest] = String(s).split(' ');
          return [t(`leads.sourceKinds.${head}`, { defaultValue: head }), ...rest].join(' ');
        })
        .join(sep);
    }
    return undefined;
  };
  return { fieldLabel, formatValue };
}
