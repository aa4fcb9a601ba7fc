import { SearchOutlined } from '@ant-design/icons';
import type { PageDef } from '../../app/page-def';
import { mayCall } from '../../app/access';
import { SearchPage } from './search-page';

/** The search pages, in navigation order. */
export const SEARCH_PAGES: PageDef[] = [
  {
    key: 'search',
    icon: <SearchOutlined />,
    visibleTo: (roles) => mayCall('search:query', roles),
    render: ({ pages, navigate }) => <SearchPage pages={pages} navigate={navigate} />,
  },
];
