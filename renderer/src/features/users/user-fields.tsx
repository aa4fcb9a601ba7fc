import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserNameRules } from './user-name-rules';

/** A new account's login name, checked by the contract's schema. */
export function UserNameItem({ name, 'data-testid': testId }: { name: string; 'data-testid': string }) {
  const { t } = useTranslation();
  const rules = useUserNameRules();
  return (
    <Form.Item name={name} label={t('fields.userName')} extra={t('users.userNameHelp')} rules={rules}>
      <Input data-testid={testId} maxLength={32} autoComplete="off" spellCheck={false} />
    </Form.Item>
  );
}

/** A new account's display name (the form field `displayName`). */
export function DisplayNameItem({ 'data-testid': testId }: { 'data-testid': string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="displayName"
      label={t('fields.displayName')}
      rules={[
        { required: true, whitespace: true, message: t('users.displayNameRequired') },
        { max: 32, message: t('validation.maxLength', { max: 32 }) },
      ]}
    >
      <Input data-testid={testId} maxLength={32} autoComplete="off" />
    </Form.Item>
  );
}
