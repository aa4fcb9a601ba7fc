import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalState,
  defaultValue,
  emptyState,
  localWrite,
  mergeStates,
  type RecordState,
  type Scalar,
} from '../../electron/core/replication/register';

/**
 * Convergence of the merge core (docs/transfers.md §2) over random edit histories: two
 * and three offices edit a few records' fields (and tombstones) concurrently, exchange
 * their states in random order, any number of times; after everyone has heard from
 * everyone, every office holds the same states and projects the same rows. Runs on
 * in-memory states (the same functions applyMerge uses), so many histories fit in a
 * few seconds; replication-merge.test.ts checks the same on real vaults.
 */
const RECORDS = ['r1', 'r2'];
const FIELDS = ['summary', 'deadline', 'deleted_hlc'];

type Op =
  | { kind: 'edit'; office: number; record: string; field: string; value: Scalar }
  | { kind: 'sync'; from: number; to: number };

const opArb = (offices: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('edit' as const),
      office: fc.nat(offices - 1),
      record: fc.constantFrom(...RECORDS),
      field: fc.constantFrom(...FIELDS),
      value: fc.oneof(fc.constantFrom<Scalar>('甲', '乙', '丙', null), fc.integer({ min: 0, max: 3 })),
    }),
    fc.record({ kind: fc.constant('sync' as const), from: fc.nat(offices - 1), to: fc.nat(offices - 1) }),
  );

class Office {
  states = new Map<string, RecordState>();
  private tick = 0;
  constructor(readonly name: string) {}
  /** An HLC newer than anything this office has seen (as the real clock observes). */
  private now(): string {
    let max = this.tick;
    for (const s of this.states.values())
      for (const v of Object.values(s.vv)) max = Math.max(max, Number(v.slice(0, 15)));
    this.tick = max + 1;
    return `${String(this.tick).padStart(15, '0')}-0000-${this.name}`;
  }
  edit(record: string, field: string, value: Scalar) {
    this.states.set(
      record,
      localWrite(this.states.get(record) ?? emptyState(), this.name, this.now(), { [field]: value }),
    );
  }
  receive(from: Office) {
    for (const [id, remote] of from.states)
      this.states.set(id, mergeStates(this.states.get(id) ?? emptyState(), remote));
  }
  snapshot() {
    return [...this.states.keys()].sort().map((id) => canonicalState(this.states.get(id)!));
  }
  projection() {
    return [...this.states.keys()].sort().map((id) => {
      const s = this.states.get(id)!;
      return FIELDS.map((f) => defaultValue(s.regs[f] ?? [])?.v ?? null);
    });
  }
}

function run(count: number, ops: Op[]) {
  const offices = Array.from({ length: count }, (_, i) => new Office(`o${i}`));
  for (const op of ops) {
    if (op.kind === 'edit') offices[op.office]!.edit(op.record, op.field, op.value);
    else if (op.from !== op.to) offices[op.to]!.receive(offices[op.from]!);
  }
  // Everyone hears from everyone (twice round, so relayed states arrive too).
  for (let round = 0; round < 2; round++)
    for (const to of offices) for (const from of offices) if (to !== from) to.receive(from);
  return offices;
}

describe('merge convergence (property)', () => {
  for (const count of [2, 3]) {
    it(`${count} offices end identical after any exchange order`, () => {
      fc.assert(
        fc.property(fc.array(opArb(count), { maxLength: 40 }), (ops) => {
          const offices = run(count, ops);
          const first = offices[0]!;
          for (const o of offices.slice(1)) {
            expect(o.snapshot()).toEqual(first.snapshot());
            expect(o.projection()).toEqual(first.projection());
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('merge is commutative, associative and idempotent on reachable states', () => {
    fc.assert(
      fc.property(fc.array(opArb(3), { maxLength: 40 }), (ops) => {
        // Three offices' states of one record after a random history, before they all meet.
        const offices = Array.from({ length: 3 }, (_, i) => new Office(`o${i}`));
        for (const op of ops) {
          if (op.kind === 'edit') offices[op.office]!.edit(op.record, op.field, op.value);
          else if (op.from !== op.to) offices[op.to]!.receive(offices[op.from]!);
        }
        const [a, b, c] = offices.map((o) => o.states.get('r1') ?? emptyState()) as [
          RecordState,
          RecordState,
          RecordState,
        ];
        const eq = (x: RecordState, y: RecordState) => expect(canonicalState(x)).toBe(canonicalState(y));
        eq(mergeStates(a, b), mergeStates(b, a));
        eq(mergeStates(mergeStates(a, b), c), mergeStates(a, mergeStates(b, c)));
        eq(mergeStates(a, a), a);
        eq(mergeStates(mergeStates(a, b), b), mergeStates(a, b));
      }),
      { numRuns: 300 },
    );
  });
});
