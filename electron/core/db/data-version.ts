import type { Db } from './open-database';

/**
 * A token that changes whenever the database may have changed: total_changes()
 * moves with every write on this connection, data_version with every commit by
 * another one. Caches of derived answers (ledger totals, sealed visibility) are
 * kept only while it stays the same.
 */
export function dataVersion(db: Db): string {
  const local = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${String(db.pragma('data_version', { simple: true }))}:${local}`;
}

/**
 * A per-connection memo that forgets everything when the data version moves.
 * `size` caps the entries kept (oldest dropped first).
 */
export function versionedMemo<V>(size: number) {
  const memos = new WeakMap<Db, { version: string; entries: Map<string, V> }>();
  /** The memo of the database as it is now (its version read once). */
  const current = (db: Db) => {
    const version = dataVersion(db);
    let memo = memos.get(db);
    if (!memo || memo.version !== version) {
      memo = { version, entries: new Map() };
      memos.set(db, memo);
    }
    const entries = memo.entries;
    return (key: string, compute: () => V): V => {
      if (entries.has(key)) return entries.get(key)!;
      const value = compute();
      if (entries.size >= size) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
      return value;
    };
  };
  return {
    get: (db: Db, key: string, compute: () => V): V => current(db)(key, compute),
    /** For several lookups in a row: reads the version once. */
    at: current,
    forget(db: Db): void {
      memos.delete(db);
    },
  };
}
