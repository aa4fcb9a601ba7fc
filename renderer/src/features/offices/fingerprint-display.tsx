import { Flex, Typography } from 'antd';
import { MONO_FONT_STACK } from '../../i18n/i18n';
import { fingerprintGroups } from './offices-data';

/**
 * A fingerprint as people read it aloud: 8 groups of 4 digits, large, in two rows of
 * four, with the group number under each so "group 5" can be named on the phone.
 */
export function FingerprintDisplay({
  fingerprint,
  size = 'large',
  'data-testid': testId,
}: {
  fingerprint: string;
  size?: 'large' | 'small';
  'data-testid'?: string;
}) {
  if (size === 'small') {
    return (
      <Typography.Text
        data-testid={testId}
        style={{ fontFamily: MONO_FONT_STACK, whiteSpace: 'nowrap', letterSpacing: 0.5 }}
      >
        {fingerprint}
      </Typography.Text>
    );
  }
  const groups = fingerprintGroups(fingerprint);
  return (
    <div
      data-testid={testId}
      data-fingerprint={fingerprint}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(4, max-content)', gap: '8px 28px' }}
    >
      {groups.map((group, i) => (
        <Flex key={i} vertical align="center">
          <span
            style={{
              fontFamily: MONO_FONT_STACK,
              fontSize: 28,
              fontWeight: 600,
              letterSpacing: 3,
              lineHeight: 1.2,
            }}
          >
            {group}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i + 1}
          </Typography.Text>
        </Flex>
      ))}
    </div>
  );
}
