import type { Conflict, GroupRole } from '../../../shared/contracts/reference';
import type { OfficeRules } from '../../../shared/office-rules';
import type { Db } from '../db/open-database';
import { readOfficeRules } from './office-rules';

/** Leader and deputy are checked against the leaders' rule set; everyone else the members'. */
export function ruleSetFor(rules: OfficeRules['recusal'], role: GroupRole) {
  return role === 'leader' || role === 'deputy' ? rules.leaders : rules.members;
}

interface Stint {
  from: string | null;
  to: string | null;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** The date `years` years before `date` (YYYY-MM-DD). */
function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/**
 * Runs the office's recusal rules for one inspector and one case: past and current
 * posts at the inspected unit, declared relations with its current leaders, and
 * the inspector's alma mater. Each conflict carries the rule and its evidence.
 */
export function checkRecusal(
  db: Db,
  input: { caseId: string; inspectorId: string; groupRole: GroupRole; today: string },
): Conflict[] {
  const kase = db.prepare('SELECT unit_id FROM cases WHERE id = ?').get(input.caseId) as { unit_id: string };
  const inspector = db.prepare('SELECT person_id FROM inspectors WHERE id = ?').get(input.inspectorId) as {
    person_id: string;
  };
  const unitId = kase.unit_id;
  const person = db.prepare('SELECT unit_id FROM persons WHERE id = ?').get(inspector.person_id) as {
    unit_id: string | null;
  };

  // Posts at the unit; the current post counts as a stint with no end.
  const stints = db
    .prepare(
      `SELECT from_date AS "from", to_date AS "to" FROM person_posts
       WHERE person_id = ? AND unit_id = ? AND deleted_hlc IS NULL ORDER BY coalesce(from_date, '')`,
    )
    .all(inspector.person_id, unitId) as Stint[];
  if (person.unit_id === unitId && !stints.some((s) => s.to === null)) stints.push({ from: null, to: null });

  const relations = db
    .prepare(
      `SELECT r.relation_type, r.related_person_id, r.related_unit_id, r.from_date, r.to_date,
              p.name AS person_name, p.unit_id AS person_unit, p.is_leadership, p.deleted_hlc AS person_deleted,
              u.name AS unit_name
       FROM inspector_relations r
       LEFT JOIN persons p ON p.id = r.related_person_id
       LEFT JOIN units u ON u.id = r.related_unit_id
       WHERE r.inspector_id = ? AND r.deleted_hlc IS NULL`,
    )
    .all(input.inspectorId) as {
    relation_type: string;
    related_person_id: string | null;
    related_unit_id: string | null;
    from_date: string | null;
    to_date: string | null;
    person_name: string | null;
    person_unit: string | null;
    is_leadership: number | null;
    person_deleted: string | null;
    unit_name: string | null;
  }[];

  const conflicts: Conflict[] = [];
  const base = { years: null, relationType: null, relatedName: null, from: null, to: null, totalYears: null };
  for (const rule of ruleSetFor(readOfficeRules(db).recusal, input.groupRole)) {
    const head = { ruleCode: rule.code, ruleLabel: rule.label, kind: rule.kind };
    switch (rule.kind) {
      case 'relation_with_unit_leader':
        for (const r of relations) {
          const leaderOfUnit =
            r.related_person_id !== null &&
            r.person_deleted === null &&
            r.person_unit === unitId &&
            r.is_leadership === 1;
          if (leaderOfUnit && rule.relationTypes.includes(r.relation_type)) {
            conflicts.push({
              ...base,
              ...head,
              relationType: r.relation_type,
              relatedName: r.person_name,
              from: r.from_date,
              to: r.to_date,
            });
          }
        }
        break;
      case 'alma_mater':
        for (const r of relations) {
          if (r.relation_type === 'alma_mater' && r.related_unit_id === unitId) {
            conflicts.push({ ...base, ...head, relatedName: r.unit_name, from: r.from_date, to: r.to_date });
          }
        }
        break;
      case 'worked_at_unit_within_years': {
        const years = rule.years ?? 0;
        const since = yearsBefore(input.today, years);
        for (const s of stints) {
          if (s.to === null || s.to >= since) {
            conflicts.push({ ...base, ...head, years, from: s.from, to: s.to });
          }
        }
        break;
      }
      case 'worked_at_unit_longer_than_years': {
        const years = rule.years ?? 0;
        const total = stints.reduce(
          (sum, s) => (s.from ? sum + Math.max(0, days(s.from, s.to ?? input.today)) : sum),
          0,
        );
        const totalYears = Math.round((total / 365.25) * 10) / 10;
        if (total > years * 365.25) {
          const from = stints.map((s) => s.from).find((f) => f !== null) ?? null;
          const to = stints.some((s) => s.to === null) ? null : (stints.at(-1)?.to ?? null);
          conflicts.push({ ...base, ...head, years, totalYears, from, to });
        }
        break;
      }
    }
  }
  return conflicts;
}
