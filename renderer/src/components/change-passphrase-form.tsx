import { Form, Input, type FormInstance } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract';
import { PASSPHRASE_MAX_LENGTH } from '../../../shared/passphrase-policy';
import { ErrorAlert } from './error-alert';
import { NewPassphraseFields } from './new-passphrase-fields';
import { SubmitButton } from './submit-button';

export interface ChangePassphraseValues {
  current: string;
  next: string;
  nextConfirm: string;
}

interface ChangePassphraseFormProps {
  session: SessionInfo;
  /** The mutation that sends `session:changePassphrase`. */
  change: {
    mutate: (values: ChangePassphraseValues) => void;
    reset: () => void;
    isPending: boolean;
    isError: boolean;
    error: unknown;
  };
  form?: FormInstance<ChangePassphraseValues>;
  currentLabel: string;
  nextLabel: string;
  submitLabel: ReactNode;
  /** Test ids of the current passphrase, the new one, the error and the submit button. */
  testIds: { current: string; next: string; error: string; submit: string };
  /** The large, full-width button of the locked screens. */
  large?: boolean;
  style?: CSSProperties;
}

/** The current passphrase, a new one with its confirmation, the error and the submit button. */
export function ChangePassphraseForm({
  session,
  change,
  form,
  currentLabel,
  nextLabel,
  submitLabel,
  testIds,
  large,
  style,
}: ChangePassphraseFormProps) {
  const { t } = useTranslation();
  return (
    <Form<ChangePassphraseValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      style={style}
      onFinish={(values) => change.mutate(values)}
      onValuesChange={() => change.isError && change.reset()}
      disabled={change.isPending}
    >
      <Form.Item
        name="current"
        label={currentLabel}
        rules={[{ required: true, message: t('passphrase.rules.required') }]}
      >
        <Input.Password
          autoComplete="current-password"
          maxLength={PASSPHRASE_MAX_LENGTH}
          data-testid={testIds.current}
        />
      </Form.Item>
      <NewPassphraseFields
        name="next"
        label={nextLabel}
        confirmLabel={t('fields.passphraseConfirm')}
        data-testid={testIds.next}
        userName={session.user.name}
        userInputs={[session.user.displayName, session.office.name]}
      />
      <ErrorAlert result={change} style={{ marginBottom: 16 }} data-testid={testIds.error} />
      <SubmitButton loading={change.isPending} large={large} data-testid={testIds.submit}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
