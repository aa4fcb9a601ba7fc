import { CopyOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO_FONT_STACK } from '../../i18n/i18n';

/** Same reading as the core: any case, spaces or dashes, O→0 and I/L→1. */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard permission may be denied (the desktop shell denies permission requests).
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

interface RecoveryCodePanelProps {
  code: string;
  onConfirmed: () => void;
}

/**
 * Shows a recovery code once, in large groups, and lets the user continue only after
 * re-typing it (or its last group) and ticking that it is written down.
 */
export function RecoveryCodePanel({ code, onConfirmed }: RecoveryCodePanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const groups = code.split('-');
  const lastGroup = groups[groups.length - 1] ?? '';
  const [typed, setTyped] = useState('');
  const [writtenDown, setWrittenDown] = useState(false);
  const [mismatch, setMismatch] = useState(false);

  const typedNormalized = normalizeRecoveryCode(typed);
  const matches =
    typedNormalized.length > 0 &&
    (typedNormalized === normalizeRecoveryCode(code) || typedNormalized === normalizeRecoveryCode(lastGroup));

  const confirmStatus = mismatch ? ('error' as const) : undefined;

  const submit = () => {
    if (!matches) {
      setMismatch(true);
      return;
    }
    onConfirmed();
  };

  return (
    <Flex vertical gap={16}>
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined />}
        title={t('recovery.onceTitle')}
        description={t('recovery.onceBody')}
      />
      <div
        data-testid="recovery-code"
        aria-label={t('recovery.codeLabel')}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(3, 1fr)',
          gap: 12,
          padding: 16,
          background: '#fafafa',
          border: '1px dashed #d9d9d9',
          borderRadius: 8,
        }}
      >
        {groups.map((group, index) => (
          <Flex key={index} vertical align="center" gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('recovery.groupNumber', { n: index + 1 })}
            </Typography.Text>
            <span
              data-testid="recovery-code-group"
              style={{
                fontFamily: MONO_FONT_STACK,
                fontSize: 26,
                fontWeight: 600,
                letterSpacing: 3,
                color: '#1f1f1f',
                userSelect: 'all',
              }}
            >
              {group}
            </span>
          </Flex>
        ))}
      </div>
      <Flex justify="flex-end">
        <Button
          icon={<CopyOutlined />}
          data-testid="recovery-copy"
          onClick={() =>
            void copyText(code).then((ok) =>
              ok ? message.success(t('recovery.copied')) : message.error(t('recovery.copyFailed')),
            )
          }
        >
          {t('recovery.copy')}
        </Button>
      </Flex>
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('recovery.confirmLabel', { n: groups.length })}
          validateStatus={confirmStatus}
          help={mismatch ? t('recovery.confirmMismatch') : undefined}
          style={{ marginBottom: 12 }}
        >
          <Input
            data-testid="recovery-confirm-input"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            style={{ fontFamily: MONO_FONT_STACK, letterSpacing: 1 }}
            placeholder={t('recovery.confirmPlaceholder')}
            onChange={(event) => {
              setTyped(event.target.value);
              setMismatch(false);
            }}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 16 }}>
          <Checkbox
            data-testid="recovery-confirm-check"
            checked={writtenDown}
            onChange={(event) => setWrittenDown(event.target.checked)}
          >
            {t('recovery.writtenDown')}
          </Checkbox>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          data-testid="recovery-confirm-submit"
          disabled={!writtenDown || typedNormalized.length === 0}
        >
          {t('recovery.continue')}
        </Button>
      </Form>
    </Flex>
  );
}
