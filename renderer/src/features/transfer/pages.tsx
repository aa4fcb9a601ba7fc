import { SwapOutlined } from '@ant-design/icons';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { TransferPage } from './transfer-page';

/** The transfer pages: one page, 数据交换, with export, import and the registers. */
export const TRANSFER_PAGES: PageDef[] = [
  {
    key: 'transfers',
    icon: <SwapOutlined />,
    visibleTo: (roles) => mayCall('transfer:registers', roles),
    render: ({ session, pages, navigate }) => (
      <TransferPage session={session} pages={pages} navigate={navigate} />
    ),
  },
];
