import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { userNameSchema } from '../../../../shared/contract';

/** Form rules for a login name: the contract's own schema decides. */
export function useUserNameRules(): Rule[] {
  const { t } = useTranslation();
  return [
    { required: true, whitespace: true, message: t('users.userNameRequired') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value || !value.trim()) return;
        if (!userNameSchema.safeParse(value).success) throw new Error(t('users.userNameInvalid'));
      },
    },
  ];
}
