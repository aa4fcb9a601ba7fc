import { describe, expect, it } from 'vitest';
import {
  conflictingFields,
  defaultValue,
  emptyState,
  localWrite,
  mergeRegister,
  mergeStates,
  mergeVectors,
  seen,
  statesEqual,
} from '../../electron/core/replication/register';
import { envelopeState, parseEnvelope, toWire } from '../../electron/core/replication/envelope';

/** The pure merge core: version vectors, multi-value registers, the default pick. */
const h = (n: number, node = 'x') => `${String(n).padStart(15, '0')}-0000-${node}`;

describe('version vectors', () => {
  it('has seen a dot at or below its entry for that office', () => {
    const vv = { A: h(5) };
    expect(seen(vv, { o: 'A', h: h(5) })).toBe(true);
    expect(seen(vv, { o: 'A', h: h(6) })).toBe(false);
    expect(seen(vv, { o: 'B', h: h(1) })).toBe(false);
  });
  it('merges by maximum per office', () => {
    expect(mergeVectors({ A: h(5), B: h(1) }, { A: h(3), C: h(2) })).toEqual({ A: h(5), B: h(1), C: h(2) });
  });
});

describe('multi-value register', () => {
  it('keeps concurrent values and drops superseded ones', () => {
    const base = localWrite(emptyState(), 'A', h(1), { summary: 'v0' });
    const atA = localWrite(base, 'A', h(2), { summary: 'vA' });
    const atB = localWrite(base, 'B', h(3), { summary: 'vB' });
    const merged = mergeStates(atA, atB);
    expect(merged.regs.summary!.map((x) => x.v)).toEqual(['vA', 'vB']);
    expect(conflictingFields(merged)).toEqual(['summary']);
    // The default: greatest dot (hlc, then office).
    expect(defaultValue(merged.regs.summary!)!.v).toBe('vB');
    // A later edit at A that has seen both resolves it everywhere.
    const resolved = localWrite(merged, 'A', h(4), { summary: 'vAB' });
    expect(mergeStates(resolved, atB).regs.summary!.map((x) => x.v)).toEqual(['vAB']);
    expect(mergeStates(atB, resolved).regs.summary!.map((x) => x.v)).toEqual(['vAB']);
  });
  it('keeps edits of different fields without conflict', () => {
    const base = localWrite(emptyState(), 'A', h(1), { summary: 's', deadline: null });
    const merged = mergeStates(
      localWrite(base, 'A', h(2), { summary: 's2' }),
      localWrite(base, 'B', h(3), { deadline: '2026-07-01' }),
    );
    expect(conflictingFields(merged)).toEqual([]);
    expect(defaultValue(merged.regs.summary!)!.v).toBe('s2');
    expect(defaultValue(merged.regs.deadline!)!.v).toBe('2026-07-01');
  });
  it('treats equal values from concurrent edits as no conflict', () => {
    const base = localWrite(emptyState(), 'A', h(1), { deleted_hlc: null });
    const merged = mergeStates(
      localWrite(base, 'A', h(2), { deleted_hlc: null }),
      localWrite(base, 'B', h(3), { deleted_hlc: null }),
    );
    expect(merged.regs.deleted_hlc).toHaveLength(2);
    expect(conflictingFields(merged)).toEqual([]);
  });
  it('is idempotent and order-free on registers', () => {
    const x = [{ v: 1, o: 'A', h: h(2) }];
    const y = [{ v: 2, o: 'B', h: h(3) }];
    const a = mergeRegister(x, { A: h(2) }, y, { B: h(3) });
    const b = mergeRegister(y, { B: h(3) }, x, { A: h(2) });
    expect(a).toEqual(b);
    expect(mergeRegister(a, { A: h(2), B: h(3) }, a, { A: h(2), B: h(3) })).toEqual(a);
  });
  it('compares states canonically', () => {
    const s = localWrite(emptyState(), 'A', h(1), { a: 1, b: 2 });
    expect(statesEqual(s, { vv: { ...s.vv }, regs: { b: s.regs.b!, a: s.regs.a! } })).toBe(true);
  });
});

describe('parseEnvelope', () => {
  const office = '5f0c8a1e-3b7d-4c2a-9e61-0d4b8f2a7c13';
  const hh = `000000000000005-0000-5f0c8a1e`;
  const dot = (v: unknown) => [[v, 0]];
  const round = () => ({
    type: 'round',
    v: 1,
    id: '00000000-0000-4000-8000-000000000001',
    originOffice: office,
    createdHlc: hh,
    updatedHlc: hh,
    deletedHlc: null,
    fields: { name: '<script>x</script>', year: 2026, sequence: 1, start_date: null, end_date: null },
    rep: {
      vv: { [office]: hh },
      dots: [[office, hh]],
      regs: {
        name: dot('<script>x</script>'),
        year: dot(2026),
        sequence: dot(1),
        start_date: dot(null),
        end_date: dot(null),
        deleted_hlc: dot(null),
      } as Record<string, unknown[][]>,
    },
  });
  const codeOf = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as { code?: string }).code;
    }
  };
  it('accepts a valid envelope, keeps markup as text and round-trips the state', () => {
    const e = parseEnvelope('round', round());
    expect(e.fields.name).toBe('<script>x</script>');
    const state = envelopeState(e);
    expect(state.regs.name).toEqual([{ v: '<script>x</script>', o: office, h: hh }]);
    expect(toWire(state)).toEqual(e.rep);
  });
  it('refuses unknown types, unknown members, wrong kinds and dots the vector has not seen', () => {
    expect(codeOf(() => parseEnvelope('nope', round()))).toBe('BUNDLE_RECORD_INVALID');
    expect(codeOf(() => parseEnvelope('round', { ...round(), extra: 1 }))).toBe('BUNDLE_RECORD_INVALID');
    const wrongKind = round();
    wrongKind.rep.regs.year = dot('2026');
    const badIndex = round();
    badIndex.rep.regs.year = [[2026, 3]];
    expect(codeOf(() => parseEnvelope('round', badIndex))).toBe('BUNDLE_RECORD_INVALID');
    expect(codeOf(() => parseEnvelope('round', wrongKind))).toBe('BUNDLE_RECORD_INVALID');
    const unseen = round();
    unseen.rep.vv = { [office]: '000000000000001-0000-5f0c8a1e' };
    expect(codeOf(() => parseEnvelope('round', unseen))).toBe('BUNDLE_RECORD_INVALID');
    const unknownField = round();
    unknownField.rep.regs.password = dot('x');
    expect(codeOf(() => parseEnvelope('round', unknownField))).toBe('BUNDLE_RECORD_INVALID');
  });
});
