import { BankOutlined, LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Divider, Flex, Layout, Menu, Tooltip, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract';
import { RoleTags } from '../components/role-tag';
import { CaseSelector } from '../features/reference/case-selector';
import { CurrentCaseProvider } from './current-case';
import type { PageParams } from './page-def';
import { pagesFor } from './pages';
import { useIdleLock, useSessionWatch } from './use-idle-lock';

const VERTICAL = 'vertical';

interface MainLayoutProps {
  session: SessionInfo;
  onLock: (reason: 'manual' | 'idle') => Promise<void>;
  /** The core no longer has this session (its own idle lock ran): show unlock with this notice. */
  onSessionGone: (noticeKey: string) => void;
}

/** The signed-in shell: navigation on the left, office and user on top, one page. */
export function MainLayout({ session, onLock, onSessionGone }: MainLayoutProps) {
  const { t, i18n } = useTranslation();
  const { user, office } = session;
  const pages = pagesFor(user.roles);
  const [nav, setNav] = useState<{ key: string; params: PageParams; seq: number }>({
    key: 'home',
    params: {},
    seq: 0,
  });
  // The menu on the open page keeps it as it is; any other navigation mounts the page afresh.
  const navigate = (key: string, params: PageParams = {}) =>
    setNav((current) =>
      key === current.key && params.recordId === undefined ? current : { key, params, seq: current.seq + 1 },
    );
  const page = pages.find((p) => p.key === nav.key) ?? pages[0]!;
  const [locking, setLocking] = useState(false);

  const lock = (reason: 'manual' | 'idle') => {
    setLocking(true);
    void onLock(reason).finally(() => setLocking(false));
  };
  const lockNow = () => lock('manual');
  useIdleLock(user.autoLockMinutes, () => lock('idle'));
  useSessionWatch(() => onSessionGone('errors.SESSION_IDLE_LOCKED'));

  return (
    <CurrentCaseProvider>
      <Layout style={{ minHeight: '100%' }} data-testid="main-layout">
        <Layout.Sider width={216} theme="dark">
          {/* The sider spans the page; its content stays in view while the page scrolls. */}
          <div style={{ position: 'sticky', top: 0 }}>
            <Flex align="center" gap={10} style={{ height: 64, padding: '0 24px' }}>
              <SafetyCertificateOutlined style={{ fontSize: 24, color: '#69b1ff' }} />
              <Typography.Text
                strong
                style={{ color: '#fff', fontSize: 18, letterSpacing: i18n.language.startsWith('zh') ? 2 : 0 }}
              >
                {t('app.productName')}
              </Typography.Text>
            </Flex>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[page.key]}
              onClick={({ key }) => navigate(key)}
              items={pages.map(({ key, icon }) => ({
                key,
                icon,
                label: <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span>,
              }))}
            />
          </div>
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{
              background: '#fff',
              padding: '0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 16,
              borderBottom: '1px solid #f0f0f0',
              position: 'sticky',
              top: 0,
              zIndex: 10,
            }}
          >
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <BankOutlined style={{ color: '#1677ff', fontSize: 18 }} />
              <Typography.Text strong ellipsis style={{ fontSize: 16 }} data-testid="header-office">
                {office.name}
              </Typography.Text>
              <CaseSelector roles={user.roles} />
            </Flex>
            <Flex align="center" gap={12} style={{ flexShrink: 0 }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
              <Tooltip title={t('layout.loginName', { name: user.name })}>
                <Typography.Text data-testid="header-user">{user.displayName}</Typography.Text>
              </Tooltip>
              <span data-testid="header-roles">
                <RoleTags roles={user.roles} />
              </span>
              <Divider orientation={VERTICAL} style={{ margin: 0 }} />
              <Button icon={<LockOutlined />} loading={locking} onClick={lockNow} data-testid="lock-button">
                {t('layout.lock')}
              </Button>
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Fragment key={nav.seq}>{page.render({ session, pages, navigate, params: nav.params })}</Fragment>
          </Layout.Content>
        </Layout>
      </Layout>
    </CurrentCaseProvider>
  );
}
