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

export function listAudit(db: Db, limit: number, beforeSeq?: number): AuditEntry[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
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
