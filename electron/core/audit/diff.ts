/**
 * The fields that changed between two versions of a record, as `{ field: [old, new] }`,
 * for the audit entry's details (the record page's history shows old → new).
 * Fields named in `secret` are reported as changed without their values.
 */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  secret: readonly string[] = [],
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    const a = before?.[key] ?? null;
    const b = after[key] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes[key] = secret.includes(key) ? ['***', '***'] : [a, b];
  }
  return changes;
}
