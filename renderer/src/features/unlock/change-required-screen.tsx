import { useMutation } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useIdleLock } from '../../app/use-idle-lock';
import { AuthLayout } from '../../components/auth-layout';
import { ChangePassphraseForm, type ChangePassphraseValues } from '../../components/change-passphrase-form';

/** Test ids of the passphrase form's inputs, error and button. */
const PASSPHRASE_TEST_IDS = {
  current: 'change-required-current',
  next: 'change-required-new-passphrase',
  error: 'change-required-error',
  submit: 'change-required-submit',
};

interface ChangeRequiredScreenProps {
  session: SessionInfo;
  onChanged: (session: SessionInfo) => void;
  onLock: (reason: 'manual' | 'idle') => Promise<void>;
}

/**
 * An administrator chose this account's passphrase: the core refuses everything else
 * until the user replaces it with one only they know.
 */
export function ChangeRequiredScreen({ session, onChanged, onLock }: ChangeRequiredScreenProps) {
  const { t } = useTranslation();
  useIdleLock(session.user.autoLockMinutes, () => void onLock('idle'));
  const lockNow = () => void onLock('manual');
  const change = useMutation({
    mutationFn: async (values: ChangePassphraseValues) => {
      await call('session:changePassphrase', { current: values.current, next: values.next });
      return call('session:current', {});
    },
    onSuccess: (info) => {
      if (info) onChanged(info);
    },
  });

  return (
    <AuthLayout
      title={t('changeRequired.title')}
      subtitle={t('changeRequired.subtitle', { name: session.user.displayName })}
      width={520}
      data-testid="change-required-screen"
    >
      <ChangePassphraseForm
        session={session}
        change={change}
        currentLabel={t('changeRequired.current')}
        nextLabel={t('fields.newPassphrase')}
        submitLabel={t('changeRequired.submit')}
        testIds={PASSPHRASE_TEST_IDS}
        large
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Button type="link" onClick={lockNow} data-testid="change-required-lock">
          {t('changeRequired.lockInstead')}
        </Button>
      </Flex>
    </AuthLayout>
  );
}
