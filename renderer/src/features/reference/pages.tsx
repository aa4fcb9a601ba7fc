import {
  ApartmentOutlined,
  ControlOutlined,
  IdcardOutlined,
  ProjectOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { CasesPage } from './cases-page';
import { PersonsPage } from './persons-page';
import { PoolPage } from './pool-page';
import { RulesPage } from './rules-page';
import { UnitsPage } from './units-page';

/** The reference pages, in navigation order. */
export const REFERENCE_PAGES: PageDef[] = [
  {
    key: 'cases',
    icon: <ProjectOutlined />,
    visibleTo: (roles) => mayCall('cases:list', roles),
    render: ({ session }) => <CasesPage session={session} />,
  },
  {
    key: 'units',
    icon: <ApartmentOutlined />,
    visibleTo: (roles) => mayCall('units:list', roles),
    render: ({ session, params }) => <UnitsPage session={session} openId={params.recordId} />,
  },
  {
    key: 'persons',
    icon: <IdcardOutlined />,
    visibleTo: (roles) => mayCall('persons:list', roles),
    render: ({ session, params }) => <PersonsPage session={session} openId={params.recordId} />,
  },
  {
    key: 'pool',
    icon: <SolutionOutlined />,
    visibleTo: (roles) => mayCall('pool:list', roles),
    render: ({ session }) => <PoolPage session={session} />,
  },
  {
    key: 'rules',
    icon: <ControlOutlined />,
    visibleTo: (roles) => mayCall('rules:get', roles),
    render: ({ session }) => <RulesPage session={session} />,
  },
];
