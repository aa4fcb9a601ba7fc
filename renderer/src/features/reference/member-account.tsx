import { useQuery } from '@tanstack/react-query';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseMember } from '../../../../shared/contracts/reference';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/i18n';
import { refKeys, useRefMutation } from './queries';

/**
 * The account a group member signs in with at this office. A case imported from
 * another office arrives with its group but no account links (they are local and
 * never travel); a case manager links them here, which opens the case to them.
 */
export function MemberAccountSelect({ member }: { member: CaseMember }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accounts = useQuery({ queryKey: refKeys.accounts, queryFn: () => call('cases:accounts', {}) });
  const link = useRefMutation(
    'cases:linkAccount',
    () => void message.success(t('reference.cases.accountLinked')),
  );
  return (
    <Select
      size="small"
      allowClear
      style={{ width: '100%' }}
      value={member.userId ?? undefined}
      placeholder={t('reference.cases.accountNone')}
      loading={link.isPending}
      onChange={(userId?: string) =>
        link
          .mutateAsync({ id: member.id, userId: userId ?? null })
          .catch((e: unknown) => void message.error(errorMessage(t, e)))
      }
      options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName} (${a.name})` }))}
      data-testid={`member-account-${member.name}`}
    />
  );
}
