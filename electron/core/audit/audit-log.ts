import { createHash } from 'node:crypto';
import type { AuditAction } from '../../../shared/audit-actions';
import type { AuditEntry } from '../../../shared/contract';
import type { Db } from '../db/open-database';
import { canonicalJson } from './canonical-json';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditInput {
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** Never passphrases, keys, reporter identities or case content: names of fields, ids, counts. */
  details?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at_hlc: string;
  wall_time: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at_hlc,
    wall: row.wall_time,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: JSON.parse(row.details) as unknown,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one entry chained to the previous one. Call inside the transaction of the
 * change it describes, so a change and its audit entry commit or roll back together.
 */
export function appendAudit(db: Db, at: { hlc: string; wall: Date }, input: AuditInput): void {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const row = {
    seq: (head?.seq ?? 0) + 1,
    at_hlc: at.hlc,
    wall_time: at.wall.toISOString(),
    actor_id: input.actorId,
    actor_name: input.actorName,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    details: canonicalJson(input.details ?? {}),
  };
  const prevHash = head?.hash ?? AUDIT_GENESIS;
  db.prepare(
    `INSERT INTO audit_log (seq, at_hlc, wall_time, actor_id, actor_name, action, entity_type, entity_id, details, prev_hash, hash)
     VALUES (@seq, @at_hlc, @wall_time, @actor_id, @actor_name, @action, @entity_type, @entity_id, @details, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
}

export type ChainCheck =
  { ok: true; entries: number; head: string } | { ok: false; brokenAt: number; entries: number };

/** Recomputes every link; the first entry whose hash or link does not hold is reported. */
export function verifyAuditChain(db: Db): ChainCheck {
  let prev = AUDIT_GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq || row.prev_hash !== prev || entryHash(prev, row) !== row.hash) {
      return { ok: false, brokenAt: row.seq, entries: count };
    }
    prev = row.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, entries: count, head: prev };
}

export interface AuditFilter {
  limit: number;
  beforeSeq?: number | undefined;
  actorName?: string | undefined;
  actionPrefix?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** ISO timestamps, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Newest first, filtered; `beforeSeq` pages backwards. */
export function listAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  const where = ['seq < @before'];
  if (filter.actorName) where.push('actor_name = @actorName');
  if (filter.actionPrefix) where.push('substr(action, 1, length(@actionPrefix)) = @actionPrefix');
  if (filter.entityType) where.push('entity_type = @entityType');
  if (filter.entityId) where.push('entity_id = @entityId');
  if (filter.from) where.push('wall_time >= @from');
  if (filter.to) where.push('wall_time <= @to');
  const rows = db
    .prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`)
    .all({
      before: filter.beforeSeq ?? Number.MAX_SAFE_INTEGER,
      limit: filter.limit,
      actorName: filter.actorName ?? null,
      actionPrefix: filter.actionPrefix ?? null,
      entityType: filter.entityType ?? null,
      entityId: filter.entityId ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    }) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.wall_time,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
