import { Flex, Form, Input, Progress, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from '../../../shared/passphrase-policy';
import {
  estimateStrength,
  isTrivialPassphrase,
  MIN_STRENGTH_SCORE,
  type StrengthResult,
} from './passphrase-strength';

const SCORE_COLORS = ['#ff4d4f', '#ff7a45', '#faad14', '#52c41a', '#389e0d'] as const;

interface StrengthMeterProps {
  value: string | undefined;
  userInputs: readonly string[];
}

/** zxcvbn's estimate as a five-step bar, a word, and translated feedback. */
export function StrengthMeter({ value, userInputs }: StrengthMeterProps) {
  const { t } = useTranslation();
  const [estimate, setEstimate] = useState<{ value: string; result: StrengthResult } | null>(null);
  const inputsKey = userInputs.join('\u0000');

  useEffect(() => {
    let current = true;
    if (value) {
      void estimateStrength(value, inputsKey.split('\u0000')).then((result) => {
        if (current) setEstimate({ value, result });
      });
    }
    return () => {
      current = false;
    };
  }, [value, inputsKey]);

  // Only an estimate of the text now in the field counts, never a stale one.
  const result = value && estimate?.value === value ? estimate.result : null;
  if (!value || !result) {
    return (
      <Typography.Text type="secondary" data-testid="passphrase-hint">
        {t('passphrase.hint', { min: PASSPHRASE_MIN_LENGTH })}
      </Typography.Text>
    );
  }
  const feedback = [
    result.warning ? t(`passphrase.warnings.${result.warning}`, { defaultValue: '' }) : '',
    ...result.suggestions.map((s) => t(`passphrase.suggestions.${s}`, { defaultValue: '' })),
  ].filter(Boolean);
  const tooShort = value.length < PASSPHRASE_MIN_LENGTH;
  return (
    <div data-testid="passphrase-strength" data-score={result.score}>
      <Flex align="center" gap={12}>
        <Progress
          steps={5}
          percent={(result.score + 1) * 20}
          showInfo={false}
          strokeColor={SCORE_COLORS[result.score]}
          size={{ width: 36, height: 6 }}
        />
        <Typography.Text style={{ color: SCORE_COLORS[result.score] }}>
          {t('passphrase.strengthLabel', { level: t(`passphrase.levels.${result.score}`) })}
        </Typography.Text>
      </Flex>
      {tooShort ? (
        <Typography.Text type="secondary">
          {t('passphrase.rules.minLength', { min: PASSPHRASE_MIN_LENGTH })}
        </Typography.Text>
      ) : feedback.length > 0 ? (
        <Typography.Text type="secondary">{feedback.join(' ')}</Typography.Text>
      ) : null}
    </div>
  );
}

interface NewPassphraseFieldsProps {
  /** Form field of the passphrase; its confirmation is `<name>Confirm`. */
  name: string;
  label: string;
  confirmLabel: string;
  /** Test id of the passphrase input; the confirmation's is `<id>-confirm`. */
  'data-testid': string;
  /** The account's login name (a passphrase may not contain it). */
  userName: string;
  /** Other words the passphrase should not be built from (office, display name). */
  userInputs?: readonly string[];
  size?: 'middle' | 'large';
}

/** A new passphrase with its confirmation, strength feedback and the same rules as the core. */
export function NewPassphraseFields({
  name,
  label,
  confirmLabel,
  'data-testid': testId,
  userName,
  userInputs = [],
  size,
}: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const value = Form.useWatch<string | undefined>(name, form);
  const inputs = [userName, ...userInputs];
  const confirmName = `${name}Confirm`;

  const rules: Rule[] = [
    { required: true, message: t('passphrase.rules.required') },
    { min: PASSPHRASE_MIN_LENGTH, message: t('passphrase.rules.minLength', { min: PASSPHRASE_MIN_LENGTH }) },
    { max: PASSPHRASE_MAX_LENGTH, message: t('passphrase.rules.maxLength', { max: PASSPHRASE_MAX_LENGTH }) },
    {
      validator: async (_rule, candidate: string | undefined) => {
        if (!candidate || candidate.length < PASSPHRASE_MIN_LENGTH) return;
        if (isTrivialPassphrase(candidate, userName)) throw new Error(t('passphrase.rules.trivial'));
        const strength = await estimateStrength(candidate, inputs);
        if (strength.score < MIN_STRENGTH_SCORE) throw new Error(t('passphrase.rules.tooWeak'));
      },
    },
  ];

  const confirmRules: Rule[] = [
    { required: true, message: t('passphrase.rules.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_rule, candidate: string | undefined) => {
        if (candidate && candidate !== getFieldValue(name)) throw new Error(t('passphrase.rules.mismatch'));
      },
    }),
  ];

  return (
    <>
      <Form.Item
        name={name}
        label={label}
        rules={rules}
        extra={<StrengthMeter value={value} userInputs={inputs} />}
        validateDebounce={300}
      >
        <Input.Password
          size={size}
          autoComplete="new-password"
          data-testid={testId}
          maxLength={PASSPHRASE_MAX_LENGTH}
        />
      </Form.Item>
      <Form.Item name={confirmName} label={confirmLabel} dependencies={[name]} rules={confirmRules}>
        <Input.Password
          size={size}
          autoComplete="new-password"
          data-testid={`${testId}-confirm`}
          maxLength={PASSPHRASE_MAX_LENGTH}
        />
      </Form.Item>
    </>
  );
}
