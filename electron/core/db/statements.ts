import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open-database';

type Statement = Database.Statement<unknown[]>;

/**
 * Prepared statements kept per connection: a merge runs the same few statements once
 * per record, and preparing is the larger part of a small statement's cost.
 */
const caches = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare<unknown[]>(sql);
    cache.set(sql, s);
  }
  return s;
}
