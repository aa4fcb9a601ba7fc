import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../../../shared/contracts/demo';
import { errorMessage } from '../../i18n/i18n';

const CHECKED = 'checked';

/** What became of the demo data asked for at setup. */
export type DemoOutcome = { accounts: DemoAccount[] } | { error: unknown };

/**
 * The setup form's "demo data" choice: unchecked unless the user ticks it, and with
 * a warning, once ticked, that the data is generated and not real.
 */
export function DemoDataChoice() {
  const { t } = useTranslation();
  const chosen = Form.useWatch<boolean | undefined>('demo') ?? false;
  return (
    <>
      <Form.Item name="demo" valuePropName={CHECKED} initialValue={false} style={{ marginBottom: 8 }}>
        <Checkbox data-testid="setup-demo">
          <ExperimentOutlined style={{ marginInlineEnd: 6 }} />
          {t('setup.demo.label')}
        </Checkbox>
      </Form.Item>
      {chosen ? (
        <Alert
          type="warning"
          showIcon
          title={t('setup.demo.warningTitle')}
          description={t('setup.demo.warning')}
          style={{ marginBottom: 16 }}
          data-testid="setup-demo-warning"
        />
      ) : null}
    </>
  );
}

/** On the recovery-code screen: the demo accounts to sign in with, or why the data is missing. */
export function DemoDataNotice({ outcome }: { outcome: DemoOutcome }) {
  const { t } = useTranslation();
  if ('error' in outcome) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('setup.demo.failed', { message: errorMessage(t, outcome.error) })}
        style={{ marginBottom: 16 }}
        data-testid="setup-demo-failed"
      />
    );
  }
  const sep = t('common.listSeparator');
  return (
    <Alert
      type="info"
      showIcon
      icon={<ExperimentOutlined />}
      title={t('setup.demo.doneTitle')}
      description={
        <Typography.Text data-testid="setup-demo-accounts">
          {t('setup.demo.accounts', {
            accounts: outcome.accounts
              .map((a) => t('setup.demo.account', { displayName: a.displayName, name: a.name }))
              .join(sep),
          })}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
      data-testid="setup-demo-done"
    />
  );
}
