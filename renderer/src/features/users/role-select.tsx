import { Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_ROLES,
  isSystemRole,
  rolesAreSeparated,
  SYSTEM_ROLES,
  type Role,
} from '../../../../shared/roles';

export const MAX_ROLES = 8;

interface RoleSelectProps {
  value?: Role[];
  onChange?: (roles: Role[]) => void;
  id?: string;
  'data-testid': string;
  /** Only the security administrator grants system roles; others see them disabled. */
  allowSystemRoles?: boolean;
}

/**
 * Roles grouped as inspection roles and system roles. Once one group is chosen the
 * other is disabled: an account holds one kind or the other, never both.
 */
export function RoleSelect({
  value = [],
  onChange,
  id,
  'data-testid': testId,
  allowSystemRoles = true,
}: RoleSelectProps) {
  const { t } = useTranslation();
  const hasSystem = value.some(isSystemRole);
  const hasInspection = value.some((r) => !isSystemRole(r));
  const option = (role: Role, disabled: boolean) => ({
    value: role,
    label: t(`roles.names.${role}`),
    disabled,
  });
  return (
    <Select<Role[]>
      id={id}
      mode="multiple"
      data-testid={testId}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={t('users.rolesPlaceholder')}
      options={[
        {
          label: t('roles.groups.inspection'),
          title: t('roles.groups.inspection'),
          options: INSPECTION_ROLES.map((r) => option(r, hasSystem && !value.includes(r))),
        },
        {
          label: t('roles.groups.system'),
          title: t('roles.groups.system'),
          options: SYSTEM_ROLES.map((r) =>
            option(r, (!allowSystemRoles || hasInspection) && !value.includes(r)),
          ),
        },
      ]}
    />
  );
}

export function useRoleRules(): Rule[] {
  const { t } = useTranslation();
  return [
    { required: true, type: 'array', min: 1, message: t('users.rolesRequired') },
    { type: 'array', max: MAX_ROLES, message: t('users.rolesTooMany', { max: MAX_ROLES }) },
    {
      validator: async (_rule, roles: Role[] | undefined) => {
        if (roles && !rolesAreSeparated(roles)) throw new Error(t('errors.USER_ROLES_MIXED'));
      },
    },
  ];
}
