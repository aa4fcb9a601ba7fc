/** Bytes as they arrive: a file stream, a generator, or an array of chunks. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

async function* asAsync(source: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* source;
}

/**
 * Pulls exact byte counts and lines out of an async stream of chunks without ever
 * holding more than what was asked for plus one incoming chunk.
 */
export class ByteReader {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Uint8Array>;
  /** Bytes handed out so far (position in the stream). */
  position = 0;

  constructor(source: ByteSource) {
    const stream = Symbol.asyncIterator in source ? source : asAsync(source);
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** Fills the buffer up to `n` bytes, fewer only at the end of the stream. */
  private async fill(n: number): Promise<void> {
    while (this.buffered < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        break;
      }
      if (next.value.length === 0) continue;
      const chunk = Buffer.isBuffer(next.value)
        ? next.value
        : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.length);
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
  }

  private take(n: number): Buffer {
    const count = Math.min(n, this.buffered);
    let out: Buffer;
    const first = this.chunks[0];
    if (first && first.length >= count) {
      out = first.subarray(0, count);
      if (first.length === count) this.chunks.shift();
      else this.chunks[0] = first.subarray(count);
    } else {
      out = Buffer.allocUnsafe(count);
      let at = 0;
      while (at < count) {
        const chunk = this.chunks[0]!;
        const n2 = Math.min(chunk.length, count - at);
        chunk.copy(out, at, 0, n2);
        at += n2;
        if (n2 === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(n2);
      }
    }
    this.buffered -= count;
    this.position += count;
    return out;
  }

  /** Up to `n` bytes; fewer only when the stream ends. */
  async readUpTo(n: number): Promise<Buffer> {
    await this.fill(n);
    return this.take(n);
  }

  /** Stops the source (closes the file or generator behind it). */
  async close(): Promise<void> {
    this.done = true;
    this.chunks.length = 0;
    this.buffered = 0;
    await this.iterator.return?.();
  }

  /** True when no byte is left. */
  async atEnd(): Promise<boolean> {
    await this.fill(1);
    return this.buffered === 0;
  }

  /**
   * The next line without its LF, or null when the stream ends before a LF within
   * `maxLength` bytes (the caller decides whether that is truncation or garbage).
   */
  async readLine(maxLength: number): Promise<{ line: Buffer } | { line: null; reason: 'eof' | 'too-long' }> {
    let scanned = 0;
    for (;;) {
      let offset = 0;
      for (const chunk of this.chunks) {
        const from = Math.max(0, scanned - offset);
        if (from < chunk.length) {
          const at = chunk.indexOf(0x0a, from);
          if (at >= 0) {
            const length = offset + at;
            if (length > maxLength) return { line: null, reason: 'too-long' };
            const line = this.take(length);
            this.take(1);
            return { line };
          }
        }
        offset += chunk.length;
      }
      scanned = this.buffered;
      if (scanned > maxLength) return { line: null, reason: 'too-long' };
      if (this.done) return { line: null, reason: 'eof' };
      await this.fill(this.buffered + 1);
    }
  }
}
