import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_TYPES } from '../../electron/core/replication';
import { setupCaseVault } from '../helpers/case-fixture';
import {
  domainSnapshot,
  here,
  joinImportedCase,
  ship,
  stateSnapshot,
  type ReplOffice,
} from '../helpers/replication-offices';
import { tempDir, value } from '../helpers/temp-vault';

/**
 * The convergence property on two real vaults (a few runs: each edit goes through the
 * real services and each exchange through export, JSON and applyMerge): random lead
 * edits at both offices and random one-way exchanges, then one exchange each way;
 * both vaults hold the same rows (but local-only columns) and the same states.
 */
const t = tempDir('mj-repl-prop-');
let a: ReplOffice;
let b: ReplOffice;
const leadIds: string[] = [];

beforeAll(async () => {
  mkdirSync(join(t.dir, 'a'));
  mkdirSync(join(t.dir, 'b'));
  a = await setupCaseVault(join(t.dir, 'a'));
  b = await setupCaseVault(join(t.dir, 'b'));
  await a.as('leader');
  for (const summary of ['线索甲', '线索乙']) {
    const lead = value(
      await a.call('leads:create', {
        caseId: a.caseId,
        receivedDate: '2026-05-12',
        summary,
        subjects: [{ personId: a.personIds.clerk }],
        sources: [{ kind: 'talk' }],
      }),
    );
    leadIds.push(lead.id);
  }
  ship(a, b);
  await joinImportedCase(b, a.caseId);
}, 60_000);
afterAll(() => t.cleanup());

type Op =
  | { kind: 'edit'; at: 0 | 1; lead: 0 | 1; field: 'summary' | 'deadline'; value: number }
  | { kind: 'ship'; from: 0 | 1 };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    at: fc.constantFrom(0 as const, 1 as const),
    lead: fc.constantFrom(0 as const, 1 as const),
    field: fc.constantFrom('summary' as const, 'deadline' as const),
    value: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('ship' as const), from: fc.constantFrom(0 as const, 1 as const) }),
);

describe('merge convergence on real vaults (property)', () => {
  it('two offices end with identical rows and states after any edits and exchanges', async () => {
    const tables = RECORD_TYPES.map((r) => ({ table: r.table, local: r.local.map((l) => l.column) }));
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
        const offices = [a, b];
        for (const op of ops) {
          if (op.kind === 'ship') {
            ship(offices[op.from]!, offices[1 - op.from]!);
            continue;
          }
          const o = offices[op.at]!;
          await o.as('leader');
          const change =
            op.field === 'summary' ? { summary: `摘要${op.value}` } : { deadline: `2026-07-0${op.value}` };
          value(await o.call('leads:edit', { id: leadIds[op.lead]!, ...change }));
        }
        ship(a, b);
        ship(b, a);
        expect(domainSnapshot(here(a).db, tables)).toBe(domainSnapshot(here(b).db, tables));
        expect(stateSnapshot(here(a).db)).toBe(stateSnapshot(here(b).db));
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
