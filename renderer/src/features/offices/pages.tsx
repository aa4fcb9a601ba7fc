import { SafetyCertificateOutlined } from '@ant-design/icons';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { OfficesPage } from './offices-page';

/** 交换单位与密钥: shown to every signed-in role; only the security administrator acts. */
export const OFFICES_PAGES: PageDef[] = [
  {
    key: 'offices',
    icon: <SafetyCertificateOutlined />,
    visibleTo: (roles) => mayCall('offices:list', roles),
    render: ({ session }) => <OfficesPage session={session} />,
  },
];
