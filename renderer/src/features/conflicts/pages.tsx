import { BranchesOutlined } from '@ant-design/icons';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { ConflictsPage } from './conflicts-page';

/** 数据冲突: every case role sees the conflicts of its cases; resolving is checked per role. */
export const CONFLICTS_PAGES: PageDef[] = [
  {
    key: 'conflicts',
    icon: <BranchesOutlined />,
    visibleTo: (roles) => mayCall('conflicts:list', roles),
    render: ({ session }) => <ConflictsPage roles={session.user.roles} />,
  },
];
