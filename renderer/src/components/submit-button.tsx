import { Button } from 'antd';
import type { ReactNode } from 'react';

interface SubmitButtonProps {
  loading: boolean;
  'data-testid': string;
  /** Large and full width, as on the screens shown while the vault is locked. */
  large?: boolean;
  children: ReactNode;
}

/** The primary button that submits the enclosing form. */
export function SubmitButton({ loading, 'data-testid': testId, large = false, children }: SubmitButtonProps) {
  return (
    <Button
      type="primary"
      htmlType="submit"
      size={large ? 'large' : undefined}
      block={large}
      loading={loading}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
