import type { AttachableType, Attachment } from '../../../../shared/contracts/attachments';
import { call } from '../../api/client';

/**
 * Moving attachment bytes over the contract, which carries JSON: base64, one chunk
 * (ATTACHMENT_CHUNK_BYTES) per call. An upload reads the file slice by slice, so
 * the window never holds more than a chunk of it at a time; nothing is written to disk.
 */

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let at = 0; at < bytes.length; at += step) {
    binary += String.fromCharCode(...bytes.subarray(at, at + step));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Uploads a file chunk by chunk; a failure part-way cancels the upload in the core. */
export async function uploadFile(
  recordType: AttachableType,
  recordId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  const begun = await call('attachments:begin', {
    recordType,
    recordId,
    fileName: file.name,
    size: file.size,
  });
  try {
    for (let index = 0; index < begun.chunkCount; index++) {
      const slice = file.slice(index * begun.chunkBytes, (index + 1) * begun.chunkBytes);
      const data = bytesToBase64(new Uint8Array(await slice.arrayBuffer()));
      await call('attachments:chunk', { uploadId: begun.uploadId, index, data });
      onProgress((index + 1) / begun.chunkCount);
    }
    return await call('attachments:commit', { uploadId: begun.uploadId });
  } catch (error) {
    await call('attachments:abort', { uploadId: begun.uploadId }).catch(() => null);
    throw error;
  }
}

/**
 * Reads an attachment into the window's memory (a Blob, never a file). The core
 * registers the opening: a preview in the app or a copy saved out.
 */
export async function readAttachment(
  id: string,
  purpose: 'preview' | 'export',
): Promise<{ blob: Blob; fileName: string; mime: string }> {
  const opened = await call('attachments:open', { id, purpose });
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; index < opened.chunkCount; index++) {
    parts.push(base64ToBytes((await call('attachments:read', { readId: opened.readId, index })).data));
  }
  return { blob: new Blob(parts, { type: opened.mime }), fileName: opened.fileName, mime: opened.mime };
}

/** Hands a copy to the user: the browser's download, which the desktop app turns into a save dialog. */
export function saveBlob(blob: Blob, fileName: string): void {
  // Typed as plain bytes, so the window never tries to show it itself.
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 1.5 MB, 320 KB, 12 B. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
