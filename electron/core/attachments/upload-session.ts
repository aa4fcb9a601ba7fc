import { createHash, type Hash } from 'node:crypto';
import type { AttachableType } from '../../../shared/contracts/attachments';
import type { BlobFileWriter } from '../vault/blob-files';

/**
 * One upload under way, held in the core between attachments:begin and
 * attachments:commit. The bytes themselves go straight into an encrypted file of the
 * vault (`writer`); this keeps only what the commit needs: the running SHA-256, the
 * first chunk (for type detection) and whether everything so far is UTF-8 text.
 */
export class UploadSession {
  readonly hash: Hash = createHash('sha256');
  receivedBytes = 0;
  nextIndex = 0;
  head: Uint8Array | null = null;
  utf8Text = true;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    readonly id: string,
    readonly blobId: string,
    readonly writer: BlobFileWriter,
    readonly owner: object,
    readonly record: { type: AttachableType; id: string; caseId: string | null },
    readonly fileName: string,
    readonly size: number,
    readonly chunkBytes: number,
    public lastActivityMs: number,
  ) {}

  get chunkCount(): number {
    return Math.ceil(this.size / this.chunkBytes);
  }

  /** Whether `bytes` is the right length for chunk `index` (full chunks, then the rest). */
  fits(index: number, bytes: number): boolean {
    if (index !== this.nextIndex || index >= this.chunkCount) return false;
    const expected = index === this.chunkCount - 1 ? this.size - index * this.chunkBytes : this.chunkBytes;
    return bytes === expected;
  }

  /** Takes in a chunk that has been stored. */
  accept(data: Uint8Array, nowMs: number): void {
    this.hash.update(data);
    if (this.head === null) this.head = data;
    this.receivedBytes += data.length;
    this.nextIndex += 1;
    this.lastActivityMs = nowMs;
    if (this.utf8Text) this.utf8Text = this.stillText(data, this.receivedBytes === this.size);
  }

  get complete(): boolean {
    return this.receivedBytes === this.size;
  }

  private stillText(data: Uint8Array, last: boolean): boolean {
    try {
      const text = this.decoder.decode(data, { stream: !last });
      // Control characters other than tab, line breaks, form feed and escape mean binary.
      // eslint-disable-next-line no-control-regex
      return !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text);
    } catch {
      return false;
    }
  }
}
