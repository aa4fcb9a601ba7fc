import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { PageContainer } from '../../components/page-container';
import { ExportWizard } from './export-wizard';
import { ImportWizard } from './import-wizard';
import { RegistersView } from './registers-view';

/** 数据交换: export to and import from other offices on removable media, and both registers. */
export function TransferPage({
  session,
  pages,
  navigate,
}: {
  session: SessionInfo;
  pages: readonly PageDef[];
  navigate: (key: string) => void;
}) {
  const { t } = useTranslation();
  const roles = session.user.roles;
  const moves = mayCall('transfer:export', roles);
  const [tab, setTab] = useState(moves ? 'export' : 'registers');
  const conflicts = pages.some((p) => p.key === 'conflicts') ? () => navigate('conflicts') : null;
  const items = [
    ...(moves
      ? [
          {
            key: 'export',
            label: <span data-testid="transfer-tab-export">{t('transfer.tabs.export')}</span>,
            children: <ExportWizard />,
          },
          {
            key: 'import',
            label: <span data-testid="transfer-tab-import">{t('transfer.tabs.import')}</span>,
            children: <ImportWizard onOpenConflicts={conflicts} />,
          },
        ]
      : []),
    {
      key: 'registers',
      label: <span data-testid="transfer-tab-registers">{t('transfer.tabs.registers')}</span>,
      // Mounted afresh on each visit: the registers are read when shown.
      children: tab === 'registers' ? <RegistersView /> : null,
    },
  ];
  return (
    <PageContainer
      title={t('transfer.title')}
      description={t('transfer.subtitle')}
      data-testid="transfer-page"
    >
      <Tabs activeKey={tab} onChange={setTab} items={items} />
    </PageContainer>
  );
}
