import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database';
import { stmt } from '../db/statements';
import type { RecordEnvelope } from './envelope';
import type { RecordType } from './record-types';
import { defaultValue, newestDot, type RecordState, type Scalar } from './register';

/** The placeholder a ledger number holds until the number rule assigns it (same transaction). */
export const pendingNumber = (value: Scalar, id: string): string => `${String(value)}\u0000${id}`;

/**
 * Writes the projection of a merged state into the domain row: per field the value
 * with the greatest dot; `updated_hlc` the newest dot. A record new to this vault gets
 * its local-only columns (null, or the importing user for NOT NULL account links).
 * Returns whether the row was new.
 */
export function projectRow(
  db: Db,
  type: RecordType,
  envelope: RecordEnvelope,
  state: RecordState,
  importerUserId: string,
): boolean {
  const values: Record<string, Scalar> = {};
  for (const f of type.fields) values[f.name] = defaultValue(state.regs[f.name] ?? [])?.v ?? null;
  if (type.number) values[type.number.column] = pendingNumber(values[type.number.column]!, envelope.id);
  const existing = stmt(db, `SELECT created_hlc FROM ${type.table} WHERE id = ?`).get(envelope.id) as
    { created_hlc: string } | undefined;
  const created = existing?.created_hlc ?? envelope.createdHlc;
  const newest = newestDot(state);
  values.updated_hlc = newest !== null && newest > created ? newest : created;
  // Shown live by settleUniques (unique-rule.ts) once every record of the merge is in.
  if (type.uniqueLive && values.deleted_hlc === null) values.deleted_hlc = created;
  if (type.type === 'attachment') values.blob_id = blobFor(db, values.sha256 ?? null);
  if (existing) {
    const cols = Object.keys(values);
    stmt(db, `UPDATE ${type.table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
      ...values,
      id: envelope.id,
    });
    return false;
  }
  for (const l of type.local)
    if (!(l.column in values)) values[l.column] = l.onInsert === 'importer' ? importerUserId : null;
  values.id = envelope.id;
  values.origin_office = envelope.originOffice;
  values.created_hlc = created;
  const cols = Object.keys(values);
  stmt(
    db,
    `INSERT INTO ${type.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
  ).run(values);
  return true;
}

function blobFor(db: Db, sha256: Scalar): string | null {
  const row = stmt(db, `SELECT id FROM attachment_blobs WHERE sha256 = ? AND state = 'stored'`).get(
    sha256,
  ) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * A sealed lead that arrives (new, or sealed at another office) with no reader named
 * here is visible to the user who imported it and to the case's local group leaders
 * until they name others (docs/transfers.md §2).
 */
export function grantSealedReaders(
  db: Db,
  leadId: string,
  importerUserId: string,
  officeId: string,
  hlc: string,
): void {
  const lead = stmt(db, 'SELECT case_id, sealed FROM leads WHERE id = ?').get(leadId) as
    { case_id: string; sealed: number } | undefined;
  if (!lead || lead.sealed !== 1) return;
  // Readers named here stay as they are; a lead that arrives sealed with none gets its first ones.
  const named = stmt(db, 'SELECT 1 FROM lead_sealed_users WHERE lead_id = ? AND deleted_hlc IS NULL').get(
    leadId,
  );
  if (named) return;
  const leaders = (
    stmt(
      db,
      `SELECT DISTINCT user_id FROM case_members WHERE case_id = ? AND group_role = 'leader'
         AND user_id IS NOT NULL AND deleted_hlc IS NULL`,
    ).all(lead.case_id) as { user_id: string }[]
  ).map((r) => r.user_id);
  for (const userId of new Set([importerUserId, ...leaders])) {
    const has = stmt(
      db,
      'SELECT 1 FROM lead_sealed_users WHERE lead_id = ? AND user_id = ? AND deleted_hlc IS NULL',
    ).get(leadId, userId);
    if (has) continue;
    stmt(
      db,
      `INSERT INTO lead_sealed_users (id, origin_office, created_hlc, updated_hlc, lead_id, user_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(randomUUID(), officeId, hlc, hlc, leadId, userId);
  }
}
