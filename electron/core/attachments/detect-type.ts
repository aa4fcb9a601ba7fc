import { fileTypeFromBuffer } from 'file-type';
import type { PreviewKind } from '../../../shared/contracts/attachments';
import { extensionOf } from '../../../shared/file-name';

export interface DetectedType {
  mime: string;
  extension: string | null;
  preview: PreviewKind | null;
}

/** Images the window shows itself (as <img> from memory; the CSP allows blob: images). */
const IMAGE_PREVIEW = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * What the app can show itself: these images and plain text. PDF is not among them:
 * Chromium shows PDF through its viewer plugin, which the CSP (object-src 'none') and
 * the locked-down window keep off; a PDF is opened by saving a copy.
 */
export function previewOf(mime: string): PreviewKind | null {
  if (mime === 'text/plain') return 'text';
  return IMAGE_PREVIEW.has(mime) ? 'image' : null;
}
const SAME_EXTENSIONS: Record<string, string[]> = { jpg: ['jpeg', 'jpe'], tif: ['tiff'] };
/** Names that promise a binary format: a plain-text file under such a name is a mismatch. */
const BINARY_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'zip',
  'rar',
  '7z',
  'mp3',
  'mp4',
  'wav',
  'amr',
  'exe',
  'ofd',
]);

/**
 * The type of a file from its content: `head` is its first bytes (the first chunk),
 * `utf8Text` whether every byte of it decoded as UTF-8 text without NUL. The name
 * plays no part; a name whose extension disagrees is flagged by `extensionMismatch`.
 */
export async function detectType(head: Uint8Array, utf8Text: boolean): Promise<DetectedType> {
  const found = await fileTypeFromBuffer(head);
  if (found) {
    return { mime: found.mime, extension: found.ext, preview: previewOf(found.mime) };
  }
  if (utf8Text) return { mime: 'text/plain', extension: 'txt', preview: 'text' };
  return { mime: 'application/octet-stream', extension: null, preview: null };
}

export function extensionMismatch(fileName: string, detected: DetectedType): boolean {
  const named = extensionOf(fileName);
  if (!named) return false;
  if (detected.mime === 'text/plain') return BINARY_EXTENSIONS.has(named);
  if (!detected.extension) return false;
  const same = [detected.extension, ...(SAME_EXTENSIONS[detected.extension] ?? [])];
  return !same.includes(named);
}
