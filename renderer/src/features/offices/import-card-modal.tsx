import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Result, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardPreviewView, TrustedOfficeView } from '../../../../shared/contracts/offices';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../i18n/format';
import { MONO_FONT_STACK } from '../../i18n/i18n';
import { FingerprintDisplay } from './fingerprint-display';
import {
  fingerprintDigits,
  isFingerprintInput,
  KEY_CARD_MAX_BYTES,
  useAcceptRotation,
  usePreviewCard,
  useTrustCard,
} from './offices-data';

type Step = 'file' | 'check' | 'done';
const CARD_FILE_TYPES = '.json,application/json';
const STEPS: Step[] = ['file', 'check', 'done'];

/** Relations that can go on to trust (with a read-out) or a rotation (without one). */
const NEEDS_READ_OUT = new Set<CardPreviewView['relation']>(['new', 'replacement']);

/**
 * 导入密钥卡: choose the .json file → the card's office and fingerprint, and how it relates
 * to the trust list → type the fingerprint read out by the other office (or accept a
 * rotation signed by the trusted key) → trusted.
 */
export function ImportCardModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [cardText, setCardText] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [result, setResult] = useState<TrustedOfficeView | null>(null);
  const [form] = Form.useForm<{ fingerprint: string }>();
  const typed = Form.useWatch('fingerprint', form) ?? '';
  const preview = usePreviewCard();
  const trust = useTrustCard();
  const rotation = useAcceptRotation();
  const busy = preview.isPending || trust.isPending || rotation.isPending;

  const restart = () => {
    setStep('file');
    setCardText(null);
    setFileProblem(null);
    setResult(null);
    form.resetFields();
    preview.reset();
    trust.reset();
    rotation.reset();
  };

  const chooseFile = async (file: File) => {
    setFileProblem(null);
    preview.reset();
    if (file.size > KEY_CARD_MAX_BYTES) {
      setFileProblem(t('offices.importCard.fileTooLarge'));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileProblem(t('offices.importCard.fileUnreadable'));
      return;
    }
    setCardText(text);
    preview.mutate(text, { onSuccess: () => setStep('check') });
  };

  const p = preview.data;
  const done = (office: TrustedOfficeView) => {
    setResult(office);
    setStep('done');
  };

  const previewItems = p
    ? [
        { key: 'name', label: t('offices.importCard.officeName'), children: p.officeName },
        {
          key: 'id',
          label: t('offices.importCard.officeId'),
          children: <span style={{ fontFamily: MONO_FONT_STACK, fontSize: 12 }}>{p.officeId}</span>,
        },
        {
          key: 'created',
          label: t('offices.importCard.created'),
          children: formatDateTime(p.created, i18n.language),
        },
        {
          key: 'fingerprint',
          label: t('offices.importCard.fingerprint'),
          children: <FingerprintDisplay fingerprint={p.fingerprint} data-testid="offices-card-fingerprint" />,
        },
      ]
    : [];

  const footer =
    step === 'check' && p
      ? [
          <Button key="back" onClick={restart} disabled={busy}>
            {t('offices.importCard.back')}
          </Button>,
          p.relation === 'rotation' ? (
            <Button
              key="rotation"
              type="primary"
              loading={rotation.isPending}
              data-testid="offices-accept-rotation"
              onClick={() => cardText && rotation.mutate(cardText, { onSuccess: done })}
            >
              {t('offices.importCard.acceptRotation')}
            </Button>
          ) : NEEDS_READ_OUT.has(p.relation) ? (
            <Button
              key="trust"
              type="primary"
              loading={trust.isPending}
              data-testid="offices-trust-submit"
              onClick={() => form.submit()}
            >
              {t('offices.importCard.trust')}
            </Button>
          ) : null,
        ]
      : step === 'done'
        ? [
            <Button key="again" onClick={restart}>
              {t('offices.importCard.again')}
            </Button>,
            <Button key="close" type="primary" onClick={onClose}>
              {t('offices.importCard.close')}
            </Button>,
          ]
        : null;

  return (
    <Modal
      open={open}
      width={720}
      title={t('offices.importCard.title')}
      destroyOnHidden
      maskClosable={false}
      onCancel={() => !busy && onClose()}
      afterClose={restart}
      footer={footer}
      data-testid="offices-import-modal"
    >
      <Steps
        size="small"
        current={STEPS.indexOf(step)}
        style={{ margin: '8px 0 24px' }}
        items={STEPS.map((s) => ({ title: t(`offices.importCard.steps.${s}`) }))}
      />
      {step === 'file' ? (
        <>
          <Upload
            accept={CARD_FILE_TYPES}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void chooseFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={preview.isPending} data-testid="offices-card-file">
              {t('offices.importCard.chooseFile')}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('offices.importCard.fileHelp')}
          </Typography.Paragraph>
          {fileProblem ? <Alert type="error" showIcon title={fileProblem} /> : null}
          <ErrorAlert result={preview} data-testid="offices-preview-error" />
        </>
      ) : null}
      {step === 'check' && p ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            data-testid="offices-card-preview"
            items={previewItems}
          />
          <Alert
            style={{ margin: '16px 0' }}
            showIcon
            type={
              p.relation === 'new' || p.relation === 'rotation'
                ? 'info'
                : NEEDS_READ_OUT.has(p.relation)
                  ? 'warning'
                  : 'error'
            }
            title={t(`offices.importCard.relation.${p.relation}`, { name: p.known?.name ?? p.officeName })}
            data-testid="offices-card-relation"
          />
          {NEEDS_READ_OUT.has(p.relation) ? (
            <Form
              form={form}
              layout="vertical"
              onFinish={({ fingerprint }) =>
                cardText && trust.mutate({ cardText, fingerprint }, { onSuccess: done })
              }
            >
              <Form.Item
                name="fingerprint"
                label={t('offices.importCard.typed')}
                extra={`${t('offices.importCard.typedHelp')} ${t('offices.importCard.digits', {
                  count: fingerprintDigits(typed).replace(/\D/g, '').length,
                })}`}
                rules={[
                  { required: true, whitespace: true, message: t('offices.importCard.typedRequired') },
                  {
                    validator: (_, value: string | undefined) =>
                      !value || isFingerprintInput(value)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('offices.importCard.typedInvalid'))),
                  },
                ]}
              >
                <Input
                  size="large"
                  autoComplete="off"
                  maxLength={120}
                  placeholder={t('offices.importCard.typedPlaceholder')}
                  style={{ fontFamily: MONO_FONT_STACK, letterSpacing: 1 }}
                  data-testid="offices-typed-fingerprint"
                  onPressEnter={() => form.submit()}
                />
              </Form.Item>
            </Form>
          ) : null}
          <ErrorAlert result={trust} data-testid="offices-trust-error" />
          <ErrorAlert result={rotation} data-testid="offices-trust-error" />
        </>
      ) : null}
      {step === 'done' && result ? (
        <Result
          status="success"
          title={t(
            p?.relation === 'rotation' ? 'offices.importCard.rotationAccepted' : 'offices.importCard.trusted',
            {
              name: result.name,
            },
          )}
          subTitle={<FingerprintDisplay fingerprint={result.fingerprint} size="small" />}
          data-testid="offices-trust-done"
        />
      ) : null}
    </Modal>
  );
}
