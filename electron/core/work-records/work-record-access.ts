import { SEARCH_TYPES, type SearchType } from '../../../shared/contracts/search';
import {
  TALK_NOTE_READERS,
  WORK_RECORD_KIND_EDITORS,
  type WorkRecordKind,
} from '../../../shared/contracts/work-records';
import type { Role } from '../../../shared/roles';

/**
 * Role rules of work records beyond the contract's per-channel roles (the reasons
 * are in shared/contracts/work-records.ts): who reads a talk's notes, who edits
 * which kind, and which record types a role's search covers.
 */

export function mayReadNotes(kind: WorkRecordKind, roles: readonly Role[]): boolean {
  return kind !== 'talk' || roles.some((r) => (TALK_NOTE_READERS as readonly Role[]).includes(r));
}

export function mayEditKind(kind: WorkRecordKind, roles: readonly Role[]): boolean {
  return roles.some((r) => WORK_RECORD_KIND_EDITORS[kind].includes(r));
}

/**
 * The record types a search may return to these roles: talks are indexed with their
 * notes, so a role that may not read talk notes does not find talks at all.
 * Returns the requested types (all when none were asked for) minus those.
 */
export function searchableTypes(roles: readonly Role[], requested?: readonly SearchType[]): SearchType[] {
  const asked = requested && requested.length > 0 ? requested : SEARCH_TYPES;
  return asked.filter((type) => type !== 'talk' || mayReadNotes('talk', roles));
}
