import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract';
import { call, onSessionError } from '../api/client';
import { PROTECTED_QUERY_KEYS, queryKeys, useSession, useVaultStatus } from '../api/queries';
import { AuthLayout } from '../components/auth-layout';
import { RecoveryCodePanel } from '../features/recovery/recovery-code-panel';
import { DemoDataNotice, type DemoOutcome } from '../features/setup/demo-data';
import { SetupScreen, SetupSteps } from '../features/setup/setup-screen';
import { ChangeRequiredScreen } from '../features/unlock/change-required-screen';
import { UnlockScreen } from '../features/unlock/unlock-screen';
import { errorMessage } from '../i18n/i18n';
import { MainLayout } from './main-layout';

interface PendingCode {
  code: string;
  context: 'setup' | 'recover';
  /** Setup with demo data: its accounts (or its failure), shown with the code. */
  demo?: DemoOutcome | null;
}

export function FullPageSpin() {
  return <Spin size="large" fullscreen />;
}

/**
 * Chooses the screen: first-run setup, a recovery code waiting to be confirmed,
 * unlock, or the signed-in layout. Locking (by hand, by idle time, or because the
 * core says the session is gone) drops protected data and returns to unlock.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const status = useVaultStatus();
  const session = useSession();
  const [pending, setPending] = useState<PendingCode | null>(null);
  const [noticeKey, setNoticeKey] = useState<string | null>(null);
  const [lastUserName, setLastUserName] = useState<string | null>(null);

  const enterLocked = useCallback(
    (notice: string | null) => {
      const current = client.getQueryData<SessionInfo | null>(queryKeys.session);
      if (current) setLastUserName(current.user.name);
      client.setQueryData(queryKeys.session, null);
      for (const queryKey of PROTECTED_QUERY_KEYS) client.removeQueries({ queryKey });
      setPending(null);
      setNoticeKey(notice);
      void client.invalidateQueries({ queryKey: queryKeys.status });
    },
    [client],
  );

  useEffect(
    () =>
      onSessionError((error) => {
        if (error.code === 'PASSPHRASE_CHANGE_REQUIRED') {
          client.setQueryData<SessionInfo | null>(queryKeys.session, (current) =>
            current ? { ...current, user: { ...current.user, mustChangePassphrase: true } } : current,
          );
        } else {
          enterLocked(error.messageKey);
        }
      }),
    [client, enterLocked],
  );

  const lock = useCallback(
    async (reason: 'manual' | 'idle') => {
      try {
        await call('session:lock', {});
      } catch {
        // Whatever the core answered, the screen locks.
      }
      enterLocked(reason === 'idle' ? 'layout.idleLocked' : null);
    },
    [enterLocked],
  );

  const signedIn = useCallback(
    (info: SessionInfo) => {
      client.setQueryData(queryKeys.session, info);
      setNoticeKey(null);
      void client.invalidateQueries({ queryKey: queryKeys.status });
    },
    [client],
  );

  const withCode =
    (context: PendingCode['context']) => (code: string, info: SessionInfo, demo?: DemoOutcome | null) => {
      setPending({ code, context, demo: demo ?? null });
      signedIn(info);
    };

  const onSetupDone = withCode('setup');
  const onRecovered = withCode('recover');

  if (status.isPending || session.isPending) return <FullPageSpin />;
  if (status.isError) {
    return (
      <Result
        status="error"
        title={t('app.startFailed')}
        subTitle={errorMessage(t, status.error)}
        extra={
          <Button type="primary" onClick={() => void status.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  if (pending) {
    const setup = pending.context === 'setup';
    return (
      <AuthLayout
        title={setup ? t('recovery.setupTitle') : t('recovery.newTitle')}
        subtitle={setup ? t('recovery.setupSubtitle') : t('recovery.newSubtitle')}
        width={600}
        data-testid="recovery-screen"
      >
        {setup ? <SetupSteps current={1} /> : null}
        {pending.demo ? <DemoDataNotice outcome={pending.demo} /> : null}
        <RecoveryCodePanel
          code={pending.code}
          onConfirmed={() => {
            setPending(null);
            void message.success(setup ? t('setup.done') : t('recover.done'));
          }}
        />
      </AuthLayout>
    );
  }

  if (session.data?.user.mustChangePassphrase) {
    return <ChangeRequiredScreen session={session.data} onChanged={signedIn} onLock={lock} />;
  }

  if (session.data) return <MainLayout session={session.data} onLock={lock} onSessionGone={enterLocked} />;

  if (status.data.state === 'uninitialized') return <SetupScreen onCreated={onSetupDone} />;

  return (
    <UnlockScreen
      userNames={status.data.userNames}
      lastUserName={lastUserName}
      notice={noticeKey ? t(noticeKey) : null}
      onUnlocked={signedIn}
      onRecovered={onRecovered}
    />
  );
}
