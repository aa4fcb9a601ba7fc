import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageContainerProps {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}

/** Page title, one line of description, optional actions, then the content. */
export function PageContainer({
  title,
  description,
  extra,
  children,
  'data-testid': testId,
}: PageContainerProps) {
  return (
    <div data-testid={testId}>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {description}
            </Typography.Text>
          ) : null}
        </div>
        {extra}
      </Flex>
      {children}
    </div>
  );
}
