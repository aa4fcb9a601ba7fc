import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { PASSPHRASE_MAX_LENGTH } from '../../../../shared/passphrase-policy';
import { call } from '../../api/client';
import { AuthLayout } from '../../components/auth-layout';
import { ErrorAlert } from '../../components/error-alert';
import { NewPassphraseFields } from '../../components/new-passphrase-fields';
import { SubmitButton } from '../../components/submit-button';
import { MONO_FONT_STACK } from '../../i18n/i18n';

const LARGE = 'large';

interface UnlockScreenProps {
  userNames: readonly string[];
  /** The user who was signed in before the lock, preselected. */
  lastUserName: string | null;
  /** Why the vault is locked (idle timeout, session ended), shown above the form. */
  notice: string | null;
  onUnlocked: (session: SessionInfo) => void;
  onRecovered: (recoveryCode: string, session: SessionInfo) => void;
}

export function UnlockScreen(props: UnlockScreenProps) {
  const [recovering, setRecovering] = useState(false);
  return recovering ? (
    <RecoverForm {...props} onBack={() => setRecovering(false)} />
  ) : (
    <UnlockForm {...props} onForgot={() => setRecovering(true)} />
  );
}

function defaultUser(userNames: readonly string[], last: string | null): string | undefined {
  if (last && userNames.includes(last)) return last;
  return userNames.length === 1 ? userNames[0] : undefined;
}

/** The login name, chosen from the accounts of this vault. */
function UserNameItem({
  userNames,
  'data-testid': testId,
}: {
  userNames: readonly string[];
  'data-testid': string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="userName"
      label={t('fields.userName')}
      rules={[{ required: true, message: t('unlock.userRequired') }]}
    >
      <Select
        data-testid={testId}
        size="large"
        showSearch
        prefix={<UserOutlined />}
        placeholder={t('unlock.userPlaceholder')}
        options={userNames.map((name) => ({ value: name, label: name }))}
      />
    </Form.Item>
  );
}

interface UnlockValues {
  userName: string;
  passphrase: string;
}

function UnlockForm({
  userNames,
  lastUserName,
  notice,
  onUnlocked,
  onForgot,
}: UnlockScreenProps & { onForgot: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnlockValues>();
  const unlock = useMutation({
    mutationFn: (values: UnlockValues) =>
      call('session:unlock', { userName: values.userName, passphrase: values.passphrase }),
    onSuccess: onUnlocked,
    onError: () => form.setFieldValue('passphrase', ''),
  });

  return (
    <AuthLayout title={t('unlock.title')} subtitle={t('unlock.subtitle')} data-testid="unlock-screen">
      {notice && !unlock.isError ? (
        <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="unlock-notice" />
      ) : null}
      <Form<UnlockValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ userName: defaultUser(userNames, lastUserName) }}
        onFinish={(values) => unlock.mutate(values)}
        disabled={unlock.isPending}
      >
        <UserNameItem userNames={userNames} data-testid="unlock-user" />
        <Form.Item
          name="passphrase"
          label={t('fields.passphrase')}
          rules={[{ required: true, message: t('passphrase.rules.required') }]}
        >
          <Input.Password
            size="large"
            prefix={<LockOutlined />}
            autoComplete="current-password"
            maxLength={PASSPHRASE_MAX_LENGTH}
            data-testid="unlock-passphrase"
            autoFocus
          />
        </Form.Item>
        <ErrorAlert result={unlock} style={{ marginBottom: 16 }} data-testid="unlock-error" />
        <SubmitButton loading={unlock.isPending} large data-testid="unlock-submit">
          {t('unlock.submit')}
        </SubmitButton>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Button type="link" icon={<KeyOutlined />} onClick={onForgot} data-testid="recover-link">
          {t('unlock.forgot')}
        </Button>
      </Flex>
    </AuthLayout>
  );
}

interface RecoverValues {
  userName: string;
  recoveryCode: string;
  newPassphrase: string;
  newPassphraseConfirm: string;
}

function RecoverForm({
  userNames,
  lastUserName,
  onRecovered,
  onBack,
}: UnlockScreenProps & { onBack: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecoverValues>();
  const userName = Form.useWatch('userName', form) ?? '';
  const recover = useMutation({
    mutationFn: (values: RecoverValues) =>
      call('session:recover', {
        userName: values.userName,
        recoveryCode: values.recoveryCode.trim(),
        newPassphrase: values.newPassphrase,
      }),
    onSuccess: (result) => onRecovered(result.recoveryCode, result.session),
  });

  return (
    <AuthLayout
      title={t('recover.title')}
      subtitle={t('recover.subtitle')}
      width={520}
      data-testid="recover-screen"
    >
      <Form<RecoverValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ userName: defaultUser(userNames, lastUserName) }}
        onFinish={(values) => recover.mutate(values)}
        disabled={recover.isPending}
      >
        <UserNameItem userNames={userNames} data-testid="recover-user" />
        <Form.Item
          name="recoveryCode"
          label={t('fields.recoveryCode')}
          extra={t('recover.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('recover.codeRequired') },
            { max: 80, message: t('validation.maxLength', { max: 80 }) },
          ]}
        >
          <Input
            size="large"
            data-testid="recover-code"
            autoComplete="off"
            spellCheck={false}
            maxLength={80}
            placeholder={t('recover.codePlaceholder')}
            style={{ fontFamily: MONO_FONT_STACK, letterSpacing: 1 }}
          />
        </Form.Item>
        <NewPassphraseFields
          name="newPassphrase"
          label={t('fields.newPassphrase')}
          confirmLabel={t('fields.passphraseConfirm')}
          data-testid="recover-new-passphrase"
          userName={userName}
          size={LARGE}
        />
        <ErrorAlert result={recover} style={{ marginBottom: 16 }} data-testid="recover-error" />
        <SubmitButton loading={recover.isPending} large data-testid="recover-submit">
          {t('recover.submit')}
        </SubmitButton>
      </Form>
      <Flex vertical align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {t('recover.rotationNote')}
        </Typography.Text>
        <Button type="link" onClick={onBack} data-testid="recover-back">
          {t('recover.back')}
        </Button>
      </Flex>
    </AuthLayout>
  );
}
