import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Flex, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/contracts/attachments';
import { ErrorAlert } from '../error-alert';
import { formatSize, readAttachment } from './transfer';

/** Larger files are only saved as a copy: a preview holds the whole file in the window. */
export const PREVIEW_MAX_BYTES: Record<'image' | 'text', number> = {
  image: 25 * 1024 * 1024,
  text: 2 * 1024 * 1024,
};

export function canPreview(a: Attachment): boolean {
  return a.preview !== null && a.size <= PREVIEW_MAX_BYTES[a.preview];
}

/**
 * Shows an image or a text attachment inside the app, from memory: the bytes come
 * over the contract into a Blob; an image is shown through a blob: URL (revoked on
 * close), text as text. Nothing is written to disk.
 */
export function AttachmentPreview({
  attachment,
  onClose,
}: {
  attachment: Attachment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const content = useQuery({
    queryKey: ['records', 'attachments', 'preview', attachment?.id],
    queryFn: async () => {
      const { blob } = await readAttachment(attachment!.id, 'preview');
      return attachment!.preview === 'text' ? { text: await blob.text() } : { blob };
    },
    enabled: attachment !== null && canPreview(attachment),
    // Each opening is registered by the core: never served from a cache.
    gcTime: 0,
    staleTime: 0,
  });
  const blob = content.data && 'blob' in content.data ? content.data.blob : null;
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  return (
    <Drawer
      open={attachment !== null}
      onClose={onClose}
      width={860}
      title={attachment?.fileName}
      destroyOnHidden
      data-testid="attachment-preview"
    >
      {attachment ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t('attachments.previewMeta', {
              mime: attachment.mime,
              size: formatSize(attachment.size),
              sha: attachment.sha256,
            })}
          </Typography.Text>
          <ErrorAlert result={content} />
          {content.isPending ? <Spin /> : null}
          {url ? (
            <img
              src={url}
              alt={attachment.fileName}
              data-testid="attachment-preview-image"
              style={{ maxWidth: '100%', border: '1px solid #f0f0f0', alignSelf: 'flex-start' }}
            />
          ) : null}
          {content.data && 'text' in content.data ? (
            <pre
              data-testid="attachment-preview-text"
              style={{
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
                background: '#fafafa',
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                padding: 12,
                margin: 0,
                maxHeight: '70vh',
                overflow: 'auto',
              }}
            >
              {content.data.text}
            </pre>
          ) : null}
          {!canPreview(attachment) ? <Alert type="info" showIcon title={t('attachments.noPreview')} /> : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
