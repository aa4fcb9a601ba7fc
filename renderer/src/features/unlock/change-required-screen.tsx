import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { PASSPHRASE_MAX_LENGTH } from '../../../../shared/passphrase-policy';
import { call } from '../../api/client';
import { useIdleLock } from '../../app/use-idle-lock';
import { AuthLayout } from '../../components/auth-layout';
import { NewPassphraseFields } from '../../components/new-passphrase-fields';
import { errorMessage } from '../../i18n/i18n';

interface ChangeValues {
  current: string;
  next: string;
  nextConfirm: string;
}

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
  const [form] = Form.useForm<ChangeValues>();
  useIdleLock(session.user.autoLockMinutes, () => void onLock('idle'));
  const lockNow = () => void onLock('manual');
  const change = useMutation({
    mutationFn: async (values: ChangeValues) => {
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
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => change.mutate(values)}
        onValuesChange={() => change.isError && change.reset()}
        disabled={change.isPending}
      >
        <Form.Item
          name="current"
          label={t('changeRequired.current')}
          rules={[{ required: true, message: t('passphrase.rules.required') }]}
        >
          <Input.Password
            autoComplete="current-password"
            maxLength={PASSPHRASE_MAX_LENGTH}
            data-testid="change-required-current"
          />
        </Form.Item>
        <NewPassphraseFields
          name="next"
          label={t('fields.newPassphrase')}
          confirmLabel={t('fields.passphraseConfirm')}
          data-testid="change-required-new-passphrase"
          userName={session.user.name}
          userInputs={[session.user.displayName, session.office.name]}
        />
        {change.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, change.error)}
            style={{ marginBottom: 16 }}
            data-testid="change-required-error"
          />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={change.isPending}
          data-testid="change-required-submit"
        >
          {t('changeRequired.submit')}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Button type="link" onClick={lockNow} data-testid="change-required-lock">
          {t('changeRequired.lockInstead')}
        </Button>
      </Flex>
    </AuthLayout>
  );
}
