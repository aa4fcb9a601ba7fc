import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { ServiceContext } from '../service-context';

/** The wall time an HLC stamp was taken at, as ISO text. */
export function hlcToIso(hlc: string): string {
  return new Date(Number(hlc.slice(0, 15))).toISOString();
}

/** Today's date (YYYY-MM-DD) by the core's clock. */
export function today(ctx: ServiceContext): string {
  return new Date(ctx.now()).toISOString().slice(0, 10);
}

export function newId(): string {
  return randomUUID();
}

export function office(ctx: ServiceContext): string {
  return ctx.session().office.id;
}

/** Throws RECORD_NOT_FOUND unless a live row with this id exists in the table. */
export function requireLive<T>(db: Db, table: string, id: string): T {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted_hlc IS NULL`).get(id) as
    T | undefined;
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  return row;
}

export function tombstone(db: Db, table: string, id: string, hlc: string): void {
  db.prepare(`UPDATE ${table} SET deleted_hlc = ?, updated_hlc = ? WHERE id = ?`).run(hlc, hlc, id);
}

export function parseList(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
