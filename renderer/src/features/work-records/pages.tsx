import { CommentOutlined } from '@ant-design/icons';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { WorkRecordsPage } from './work-records-page';

/** The work-records pages, in navigation order. */
export const WORK_RECORDS_PAGES: PageDef[] = [
  {
    key: 'workRecords',
    icon: <CommentOutlined />,
    visibleTo: (roles) => mayCall('workRecords:list', roles),
    render: ({ session, params }) => (
      <WorkRecordsPage session={session} openId={params.recordId} openKind={params.recordType} />
    ),
  },
];
