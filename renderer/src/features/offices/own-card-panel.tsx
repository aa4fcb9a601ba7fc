import { DownloadOutlined, PrinterOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { errorMessage, MONO_FONT_STACK } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/format';
import { FingerprintDisplay } from './fingerprint-display';
import { useExportCard, useOwnOffice, useRotateKeys } from './offices-data';
import { FingerprintSheet, printFingerprintSheet } from './print-sheet';

const ROTATE_TEST_ID = { 'data-testid': 'offices-rotate-confirm' };

/** 本单位密钥卡: name, id, the fingerprint large, and (for the security administrator) export, print, rotate. */
export function OwnCardPanel({ manage }: { manage: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const own = useOwnOffice();
  const exportCard = useExportCard();
  const rotate = useRotateKeys();
  const [confirming, setConfirming] = useState(false);

  if (own.isPending)
    return (
      <Card title={t('offices.own.title')}>
        <Spin />
      </Card>
    );
  if (own.isError) return <ErrorAlert result={own} />;
  const o = own.data;
  const details = [
    { key: 'name', label: t('offices.own.officeName'), children: o.officeName },
    {
      key: 'id',
      label: t('offices.own.officeId'),
      children: (
        <Typography.Text copyable style={{ fontFamily: MONO_FONT_STACK, fontSize: 12 }}>
          {o.officeId}
        </Typography.Text>
      ),
    },
    {
      key: 'keyId',
      label: t('offices.own.keyId'),
      children: <span style={{ fontFamily: MONO_FONT_STACK }}>{o.keyId.toUpperCase()}</span>,
    },
    { key: 'created', label: t('offices.own.created'), children: formatDateTime(o.created, i18n.language) },
    ...(o.previousFingerprints.length
      ? [
          {
            key: 'previous',
            label: t('offices.own.previous'),
            children: (
              <Flex vertical>
                {o.previousFingerprints.map((fp) => (
                  <FingerprintDisplay key={fp} fingerprint={fp} size="small" />
                ))}
              </Flex>
            ),
          },
        ]
      : []),
  ];
  const consequences = [
    t('offices.own.rotateConsequence1'),
    t('offices.own.rotateConsequence2'),
    t('offices.own.rotateConsequence3'),
    t('offices.own.rotateConsequence4'),
  ];

  const actions = manage ? (
    <Flex gap={8} wrap>
      <Button
        icon={<DownloadOutlined />}
        loading={exportCard.isPending}
        data-testid="offices-export-card"
        onClick={() =>
          exportCard.mutate(undefined, {
            onSuccess: (card) => void message.success(t('offices.own.exported', { file: card.fileName })),
            onError: (err) => void message.error(errorMessage(t, err)),
          })
        }
      >
        {t('offices.own.export')}
      </Button>
      <Button icon={<PrinterOutlined />} onClick={printFingerprintSheet} data-testid="offices-print">
        {t('offices.own.print')}
      </Button>
      <Button danger icon={<SyncOutlined />} onClick={() => setConfirming(true)} data-testid="offices-rotate">
        {t('offices.own.rotate')}
      </Button>
    </Flex>
  ) : null;

  return (
    <Card title={t('offices.own.title')} extra={actions} data-testid="offices-own-card">
      {manage ? null : (
        <Alert type="info" showIcon title={t('offices.own.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Flex gap={48} wrap align="flex-start">
        <div>
          <Typography.Text type="secondary">{t('offices.own.fingerprint')}</Typography.Text>
          <div style={{ margin: '8px 0' }}>
            <FingerprintDisplay fingerprint={o.fingerprint} data-testid="offices-own-fingerprint" />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('offices.own.fingerprintHelp')}
          </Typography.Text>
        </div>
        <Descriptions column={1} size="small" style={{ flex: 1, minWidth: 320 }} items={details} />
      </Flex>
      <FingerprintSheet own={o} />
      <Modal
        open={confirming}
        title={t('offices.own.rotateTitle')}
        okText={t('offices.own.rotateConfirm')}
        okButtonProps={{ danger: true, loading: rotate.isPending, ...ROTATE_TEST_ID }}
        cancelButtonProps={{ disabled: rotate.isPending }}
        onCancel={() => !rotate.isPending && setConfirming(false)}
        afterClose={() => rotate.reset()}
        onOk={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              void message.success(t('offices.own.rotated'));
            },
          })
        }
      >
        <Typography.Paragraph>{t('offices.own.rotateBody')}</Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20 }}>
          {consequences.map((line) => (
            <li key={line} style={{ marginBottom: 4 }}>
              {line}
            </li>
          ))}
        </ul>
        <ErrorAlert result={rotate} />
      </Modal>
    </Card>
  );
}
