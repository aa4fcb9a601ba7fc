import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Row, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { mayCall } from '../../app/access';
import type { PageDef } from '../../app/page-def';
import { PageContainer } from '../../components/page-container';
import { RoleTag, RoleTags } from '../../components/role-tag';

const ICON_END = 'end';

interface HomePageProps {
  session: SessionInfo;
  pages: readonly PageDef[];
  onNavigate: (page: string) => void;
}

/** Who is signed in, for which office, with which roles, and what they can do here. */
export function HomePage({ session, pages, onNavigate }: HomePageProps) {
  const { t } = useTranslation();
  const { user, office } = session;
  const can = pages.filter((p) => p.key !== 'home');
  const canDescription = (page: string) =>
    page === 'users' && mayCall('users:setRoles', user.roles)
      ? t('home.can.usersWithRoles')
      : t(`home.can.${page}`);

  const accountItems: DescriptionsProps['items'] = [
    {
      key: 'office',
      label: t('fields.officeName'),
      children: <span data-testid="home-office">{office.name}</span>,
    },
    { key: 'displayName', label: t('fields.displayName'), children: user.displayName },
    { key: 'userName', label: t('fields.userName'), children: user.name },
    {
      key: 'roles',
      label: t('fields.roles'),
      children: (
        <span data-testid="home-roles">
          <RoleTags roles={user.roles} />
        </span>
      ),
    },
    {
      key: 'autoLock',
      label: t('fields.minutes'),
      children: t('home.autoLockValue', { minutes: user.autoLockMinutes }),
    },
  ];

  return (
    <PageContainer
      title={t('home.welcome', { name: user.displayName })}
      description={t('home.subtitle')}
      data-testid="home-page"
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('home.accountTitle')}>
            <Descriptions column={1} size="medium" styles={{ label: { width: 140 } }} items={accountItems} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.canTitle')} data-testid="home-can">
            <Flex vertical>
              {can.map(({ key: page, icon }, index) => (
                <Flex
                  key={page}
                  align="center"
                  gap={12}
                  style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
                >
                  <span style={{ fontSize: 18, color: '#1677ff' }}>{icon}</span>
                  <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong>{t(`nav.${page}`)}</Typography.Text>
                    <Typography.Text type="secondary">{canDescription(page)}</Typography.Text>
                  </Flex>
                  <Button
                    type="link"
                    onClick={() => onNavigate(page)}
                    icon={<RightOutlined />}
                    iconPlacement={ICON_END}
                  >
                    {t('home.open')}
                  </Button>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('home.rolesTitle')}>
            <Flex vertical gap={12}>
              {user.roles.map((role) => (
                <Flex key={role} gap={12} align="baseline">
                  <div style={{ minWidth: 140 }}>
                    <RoleTag role={role} />
                  </div>
                  <Typography.Text type="secondary">{t(`roles.descriptions.${role}`)}</Typography.Text>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
