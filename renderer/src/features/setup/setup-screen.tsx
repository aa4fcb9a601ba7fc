import { Alert, Form, Input, Steps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { userNameSchema, type SessionInfo } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { AuthLayout } from '../../components/auth-layout';
import { ErrorAlert } from '../../components/error-alert';
import { NewPassphraseFields } from '../../components/new-passphrase-fields';
import { SubmitButton } from '../../components/submit-button';
import { DisplayNameItem, UserNameItem } from '../users/user-fields';
import { DemoDataChoice, type DemoOutcome } from './demo-data';

interface SetupValues {
  officeName: string;
  userName: string;
  displayName: string;
  passphrase: string;
  passphraseConfirm: string;
  demo: boolean;
}

interface SetupScreenProps {
  /**
   * The vault exists and the first user is signed in; the recovery code must be shown next
   * (with the demo accounts, when demo data was asked for).
   */
  onCreated: (recoveryCode: string, session: SessionInfo, demo: DemoOutcome | null) => void;
}

export function SetupSteps({ current }: { current: 0 | 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      current={current}
      style={{ marginBottom: 24 }}
      items={[
        { title: t('setup.steps.office') },
        { title: t('setup.steps.recovery') },
        { title: t('setup.steps.done') },
      ]}
    />
  );
}

/** First run: the office, the first account (security administrator) and its passphrase. */
export function SetupScreen({ onCreated }: SetupScreenProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const client = useQueryClient();
  const userName = Form.useWatch('userName', form) ?? '';
  const officeName = Form.useWatch('officeName', form) ?? '';
  const displayName = Form.useWatch('displayName', form) ?? '';

  const setup = useMutation({
    mutationFn: async (values: SetupValues) => {
      const created = await call('vault:setup', {
        officeName: values.officeName.trim(),
        userName: userNameSchema.parse(values.userName),
        displayName: values.displayName.trim(),
        passphrase: values.passphrase,
      });
      // The vault exists now: a failed demo seed is reported, not a failed setup.
      let demo: DemoOutcome | null = null;
      if (values.demo) {
        demo = await call('demo:seed', { passphrase: values.passphrase }).then(
          ({ accounts }) => ({ accounts }),
          (error: unknown) => ({ error }),
        );
      }
      return { ...created, demo };
    },
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: queryKeys.status });
      onCreated(result.recoveryCode, result.session, result.demo);
    },
  });

  return (
    <AuthLayout
      title={t('setup.title')}
      subtitle={t('setup.subtitle')}
      width={560}
      data-testid="setup-screen"
    >
      <SetupSteps current={0} />
      <Form<SetupValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => setup.mutate(values)}
        disabled={setup.isPending}
      >
        <Form.Item
          name="officeName"
          label={t('setup.officeName')}
          extra={t('setup.officeNameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('setup.officeNameRequired') },
            { max: 64, message: t('validation.maxLength', { max: 64 }) },
          ]}
        >
          <Input data-testid="setup-office" maxLength={64} placeholder={t('setup.officeNamePlaceholder')} />
        </Form.Item>
        <Alert type="info" showIcon title={t('setup.firstUserNote')} style={{ marginBottom: 16 }} />
        <UserNameItem name="userName" data-testid="setup-user" />
        <DisplayNameItem data-testid="setup-display-name" />
        <NewPassphraseFields
          name="passphrase"
          label={t('fields.passphrase')}
          confirmLabel={t('fields.passphraseConfirm')}
          data-testid="setup-passphrase"
          userName={userName}
          userInputs={[officeName, displayName]}
        />
        <DemoDataChoice />
        <ErrorAlert result={setup} style={{ marginBottom: 16 }} data-testid="setup-error" />
        <SubmitButton loading={setup.isPending} large data-testid="setup-submit">
          {t('setup.submit')}
        </SubmitButton>
      </Form>
    </AuthLayout>
  );
}
