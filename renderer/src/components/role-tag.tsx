import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isSystemRole, type Role } from '../../../shared/roles';

/** A role as a coloured tag: inspection roles blue, system roles (the three separated administrators) volcano. */
export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={isSystemRole(role) ? 'volcano' : 'blue'}
      data-testid={`role-tag-${role}`}
      style={{ marginInlineEnd: 4 }}
    >
      {t(`roles.names.${role}`)}
    </Tag>
  );
}

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  return (
    <span>
      {roles.map((role) => (
        <RoleTag key={role} role={role} />
      ))}
    </span>
  );
}
