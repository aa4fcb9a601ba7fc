import { randomUUID } from 'node:crypto';
import {
  DEFAULT_OFFICE_RULES,
  OFFICE_RULE_SCHEMAS,
  type OfficeRuleKey,
  type OfficeRules,
} from '../../../shared/office-rules';
import type { Db } from '../db/open-database';

/**
 * The office's editable rules: the stored row for each key when there is one,
 * otherwise the default. A stored value that no longer parses (written by a newer
 * version) falls back to the default rather than breaking every screen.
 */
export function readOfficeRules(db: Db): OfficeRules {
  const rows = db.prepare('SELECT rule_key, value FROM office_rules WHERE deleted_hlc IS NULL').all() as {
    rule_key: string;
    value: string;
  }[];
  const rules: Record<string, unknown> = { ...DEFAULT_OFFICE_RULES };
  for (const row of rows) {
    const schema = OFFICE_RULE_SCHEMAS[row.rule_key as OfficeRuleKey];
    if (!schema) continue;
    const parsed = schema.safeParse(JSON.parse(row.value));
    if (parsed.success) rules[row.rule_key] = parsed.data;
  }
  return rules as OfficeRules;
}

/** Stores one rule (validated by the caller's contract schema); call inside an audited write. */
export function writeOfficeRule<K extends OfficeRuleKey>(
  db: Db,
  key: K,
  value: OfficeRules[K],
  stamp: { hlc: string; office: string },
): void {
  const json = JSON.stringify(OFFICE_RULE_SCHEMAS[key].parse(value));
  const existing = db
    .prepare('SELECT id FROM office_rules WHERE rule_key = ? AND deleted_hlc IS NULL')
    .get(key) as { id: string } | undefined;
  if (existing) {
    db.prepare('UPDATE office_rules SET value = ?, updated_hlc = ? WHERE id = ?').run(
      json,
      stamp.hlc,
      existing.id,
    );
  } else {
    db.prepare(
      'INSERT INTO office_rules (id, origin_office, created_hlc, updated_hlc, rule_key, value) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(randomUUID(), stamp.office, stamp.hlc, stamp.hlc, key, json);
  }
}
