import { AuditOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role } from '../../../shared/roles';
import { AuditPage } from '../features/audit/audit-page';
import { HomePage } from '../features/home/home-page';
import { INTAKE_LEADS_PAGES } from '../features/intake-leads/pages';
import { REFERENCE_PAGES } from '../features/reference/pages';
import { SEARCH_PAGES } from '../features/search/pages';
import { SettingsPage } from '../features/settings/settings-page';
import { TRANSFER_PAGES } from '../features/transfer/pages';
import { OFFICES_PAGES } from '../features/offices/pages';
import { CONFLICTS_PAGES } from '../features/conflicts/pages';
import { UsersPage } from '../features/users/users-page';
import { WORK_RECORDS_PAGES } from '../features/work-records/pages';
import { mayCall } from './access';
import type { PageDef } from './page-def';

const always = () => true;

/** Every page of the shell, in navigation order; each domain contributes its own list. */
export const PAGES: readonly PageDef[] = [
  {
    key: 'home',
    icon: <HomeOutlined />,
    visibleTo: always,
    render: ({ session, pages, navigate }) => (
      <HomePage session={session} pages={pages} onNavigate={navigate} />
    ),
  },
  ...REFERENCE_PAGES,
  ...INTAKE_LEADS_PAGES,
  ...WORK_RECORDS_PAGES,
  ...SEARCH_PAGES,
  ...TRANSFER_PAGES,
  ...CONFLICTS_PAGES,
  ...OFFICES_PAGES,
  {
    key: 'users',
    icon: <TeamOutlined />,
    visibleTo: (roles) => mayCall('users:list', roles),
    render: ({ session }) => <UsersPage session={session} />,
  },
  {
    key: 'audit',
    icon: <AuditOutlined />,
    visibleTo: (roles) => mayCall('audit:list', roles),
    render: () => <AuditPage />,
  },
  {
    key: 'settings',
    icon: <SettingOutlined />,
    visibleTo: always,
    render: ({ session }) => <SettingsPage session={session} />,
  },
];

/** The pages this user can actually use, in navigation order. */
export function pagesFor(roles: readonly Role[]): PageDef[] {
  return PAGES.filter((p) => p.visibleTo(roles));
}
