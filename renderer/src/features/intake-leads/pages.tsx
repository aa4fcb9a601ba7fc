import { AlertOutlined, AuditOutlined, InboxOutlined } from '@ant-design/icons';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { IntakePage } from './intake/intake-page';
import { LeadsPage } from './leads/leads-page';
import { OverduePage } from './overdue/overdue-page';

/** The intake-leads pages, in navigation order. */
export const INTAKE_LEADS_PAGES: PageDef[] = [
  {
    key: 'intake',
    icon: <InboxOutlined />,
    visibleTo: (roles) => mayCall('intake:page', roles),
    render: ({ session, params }) => <IntakePage session={session} openId={params.recordId} />,
  },
  {
    key: 'leads',
    icon: <AuditOutlined />,
    visibleTo: (roles) => mayCall('leads:page', roles),
    render: ({ session, params }) => <LeadsPage session={session} openId={params.recordId} />,
  },
  {
    key: 'overdue',
    icon: <AlertOutlined />,
    visibleTo: (roles) => mayCall('overdue:board', roles),
    render: () => <OverduePage />,
  },
];
