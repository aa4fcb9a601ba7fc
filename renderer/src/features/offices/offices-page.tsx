import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { mayCall } from '../../app/access';
import { PageContainer } from '../../components/page-container';
import { OwnCardPanel } from './own-card-panel';
import { TrustedOfficesPanel } from './trusted-offices-panel';

/** 交换单位与密钥: this office's key card, and the trust list. Actions for the security administrator. */
export function OfficesPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const roles = session.user.roles;
  const manage = mayCall('offices:trust', roles);
  const history = mayCall('offices:history', roles);
  return (
    <PageContainer title={t('offices.title')} description={t('offices.subtitle')} data-testid="offices-page">
      <Flex vertical gap={16}>
        <OwnCardPanel manage={manage} />
        <TrustedOfficesPanel manage={manage} history={history} />
      </Flex>
    </PageContainer>
  );
}
