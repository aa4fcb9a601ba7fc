import type { EntryInput } from '../bundle/container-writer';
import { recordsEntryName } from '../bundle/entry-names';
import {
  MAX_RECORDS_ENTRY_BYTES,
  RECORDS_PER_ENTRY,
  recordLineBytes,
  type RecordLine,
} from '../bundle/records';

/**
 * Cuts a stream of envelopes (parents before children, types interleaved as the
 * replication layer orders them) into `records/<type>/NNNNNN.jsonl` entries. A new
 * entry starts whenever the type changes or a file is full, so the archive keeps the
 * envelopes' order; part numbers run on per type. One entry is in memory at a time.
 */
export function* recordBatches(envelopes: Iterable<{ type: string }>): Generator<EntryInput> {
  const parts = new Map<string, number>();
  let type: string | null = null;
  let lines: Buffer[] = [];
  let bytes = 0;
  const flush = (): EntryInput => {
    const part = (parts.get(type!) ?? 0) + 1;
    parts.set(type!, part);
    const data = Buffer.concat(lines);
    lines = [];
    bytes = 0;
    return { name: recordsEntryName(type!, part), size: data.length, data };
  };
  for (const envelope of envelopes) {
    const line = recordLineBytes(envelope as unknown as RecordLine);
    if (
      lines.length > 0 &&
      (envelope.type !== type ||
        lines.length >= RECORDS_PER_ENTRY ||
        bytes + line.length > MAX_RECORDS_ENTRY_BYTES)
    ) {
      yield flush();
    }
    type = envelope.type;
    lines.push(line);
    bytes += line.length;
  }
  if (lines.length > 0) yield flush();
}
