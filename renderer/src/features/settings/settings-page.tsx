import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { ChangePassphraseForm, type ChangePassphraseValues } from '../../components/change-passphrase-form';
import { LanguageSelect } from '../../components/language-select';
import { PageContainer } from '../../components/page-container';
import { errorMessage } from '../../i18n/i18n';

const AUTO_LOCK_MIN = 1;
const AUTO_LOCK_MAX = 240;

export function SettingsPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  return (
    <PageContainer
      title={t('settings.title')}
      description={t('settings.subtitle')}
      data-testid="settings-page"
    >
      <Flex vertical gap={16} style={{ maxWidth: 760 }}>
        <Card title={t('settings.languageTitle')}>
          <Flex vertical gap={8}>
            <LanguageSelect data-testid="language-select" />
            <Typography.Text type="secondary">{t('settings.languageHelp')}</Typography.Text>
          </Flex>
        </Card>
        <AutoLockCard session={session} />
        <ChangePassphraseCard session={session} />
      </Flex>
    </PageContainer>
  );
}

function AutoLockCard({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const saved = session.user.autoLockMinutes;
  const [minutes, setMinutes] = useState<number | null>(saved);
  const save = useMutation({
    mutationFn: (value: number) => call('settings:setAutoLock', { minutes: value }),
    onSuccess: (user) => {
      client.setQueryData<SessionInfo | null>(queryKeys.session, (current) =>
        current ? { ...current, user } : current,
      );
      void message.success(t('settings.autoLockSaved', { minutes: user.autoLockMinutes }));
    },
    onError: (error) => void message.error(errorMessage(t, error)),
  });
  const valid =
    minutes !== null && Number.isInteger(minutes) && minutes >= AUTO_LOCK_MIN && minutes <= AUTO_LOCK_MAX;

  return (
    <Card title={t('settings.autoLockTitle')}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <InputNumber<number>
            data-testid="settings-autolock"
            aria-label={t('settings.autoLockTitle')}
            min={AUTO_LOCK_MIN}
            max={AUTO_LOCK_MAX}
            precision={0}
            value={minutes}
            onChange={setMinutes}
            suffix={t('common.minutes')}
            style={{ width: 160 }}
          />
          <Button
            type="primary"
            data-testid="settings-autolock-save"
            disabled={!valid || minutes === saved}
            loading={save.isPending}
            onClick={() => valid && save.mutate(minutes)}
          >
            {t('common.save')}
          </Button>
        </Flex>
        <Typography.Text type="secondary">
          {t('settings.autoLockHelp', { min: AUTO_LOCK_MIN, max: AUTO_LOCK_MAX })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** Test ids of the passphrase form's inputs, error and button. */
const PASSPHRASE_TEST_IDS = {
  current: 'settings-current-passphrase',
  next: 'settings-new-passphrase',
  error: 'settings-passphrase-error',
  submit: 'settings-passphrase-submit',
};

function ChangePassphraseCard({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePassphraseValues>();
  const change = useMutation({
    mutationFn: (values: ChangePassphraseValues) =>
      call('session:changePassphrase', { current: values.current, next: values.next }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('settings.passphraseChanged'));
    },
  });

  return (
    <Card title={t('settings.passphraseTitle')}>
      <ChangePassphraseForm
        session={session}
        change={change}
        form={form}
        currentLabel={t('fields.current')}
        nextLabel={t('fields.next')}
        submitLabel={t('settings.passphraseSubmit')}
        testIds={PASSPHRASE_TEST_IDS}
        style={{ maxWidth: 420 }}
      />
    </Card>
  );
}
