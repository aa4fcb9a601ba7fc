/**
 * Pure merge core (docs/transfers.md §2): version vectors and per-field multi-value
 * registers with dots. No database here, so the property tests run fast on it.
 *
 * - A dot (office, hlc) names one edit. A version vector maps office → newest hlc of
 *   that office's edits to the record seen here; it has seen a dot when vv[o] >= h.
 * - Merge keeps a value when both sides hold it, or when the other side has not seen it;
 *   vectors merge by maximum. Commutative, associative, idempotent.
 * - The projected default of a field is its value with the greatest dot (hlc, then office).
 */
export type Scalar = string | number | null;
export type VersionVector = Record<string, string>;

export interface DottedValue {
  /** The value. */
  v: Scalar;
  /** Office of the edit. */
  o: string;
  /** HLC of the edit. */
  h: string;
}

export interface RecordState {
  vv: VersionVector;
  regs: Record<string, DottedValue[]>;
}

export const emptyState = (): RecordState => ({ vv: {}, regs: {} });

export function seen(vv: VersionVector, d: { o: string; h: string }): boolean {
  const at = vv[d.o];
  return at !== undefined && at >= d.h;
}

export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = {};
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[k];
    const y = b[k];
    out[k] = x === undefined ? y! : y === undefined ? x : x >= y ? x : y;
  }
  return out;
}

const dotKey = (d: DottedValue) => `${d.h}\u0000${d.o}`;

/** Ascending by (hlc, office): the canonical order, so equal states serialise equally. */
export function compareDots(a: DottedValue, b: DottedValue): number {
  if (a.h !== b.h) return a.h < b.h ? -1 : 1;
  return a.o < b.o ? -1 : a.o > b.o ? 1 : 0;
}

export function mergeRegister(
  local: readonly DottedValue[],
  localVv: VersionVector,
  remote: readonly DottedValue[],
  remoteVv: VersionVector,
): DottedValue[] {
  const remoteKeys = new Set(remote.map(dotKey));
  const localKeys = new Set(local.map(dotKey));
  const out = [
    ...local.filter((x) => remoteKeys.has(dotKey(x)) || !seen(remoteVv, x)),
    ...remote.filter((y) => !localKeys.has(dotKey(y)) && !seen(localVv, y)),
  ];
  return out.sort(compareDots);
}

export function mergeStates(local: RecordState, remote: RecordState): RecordState {
  const regs: Record<string, DottedValue[]> = {};
  for (const f of [...new Set([...Object.keys(local.regs), ...Object.keys(remote.regs)])].sort()) {
    const merged = mergeRegister(local.regs[f] ?? [], local.vv, remote.regs[f] ?? [], remote.vv);
    if (merged.length > 0) regs[f] = merged;
  }
  return { vv: mergeVectors(local.vv, remote.vv), regs };
}

/** The value shown in the row: the greatest dot's. */
export function defaultValue(values: readonly DottedValue[]): DottedValue | undefined {
  let best: DottedValue | undefined;
  for (const x of values) if (!best || compareDots(x, best) > 0) best = x;
  return best;
}

/** A field in conflict holds two or more different values (equal values from concurrent edits are not a conflict). */
export function fieldInConflict(values: readonly DottedValue[]): boolean {
  return new Set(values.map((x) => JSON.stringify(x.v))).size > 1;
}

export function conflictingFields(state: RecordState): string[] {
  return Object.keys(state.regs)
    .filter((f) => fieldInConflict(state.regs[f]!))
    .sort();
}

/** The newest hlc among the state's current values (the row's updated_hlc). */
export function newestDot(state: RecordState): string | null {
  let h: string | null = null;
  for (const values of Object.values(state.regs)) for (const x of values) if (h === null || x.h > h) h = x.h;
  return h;
}

/**
 * A local write of `values` (field → value) by `office` at `hlc`: each written field
 * gets that single value, dominating every value the office has seen. `hlc` must be
 * newer than the office's entry in the vector.
 */
export function localWrite(
  state: RecordState,
  office: string,
  hlc: string,
  values: Record<string, Scalar>,
): RecordState {
  const regs = { ...state.regs };
  for (const [f, v] of Object.entries(values)) regs[f] = [{ v, o: office, h: hlc }];
  return { vv: mergeVectors(state.vv, { [office]: hlc }), regs };
}

/** Canonical JSON of a state (keys sorted, values in dot order). */
/**
 * The registers in their compact stored form: each dot written once in `d` (in order
 * of first use), each value as `[value, dot index]` in `r` (as bundles carry them, about
 * a third of repeating office and HLC per value).
 */
export interface CompactRegs {
  d: [string, string][];
  r: Record<string, [Scalar, number][]>;
}

/**
 * The version vector and the registers as canonical JSON (keys sorted, values in dot
 * order, dots numbered in that order): equal states serialise byte for byte equal.
 */
export function canonicalParts(state: RecordState): { vv: string; regs: string } {
  const compact: CompactRegs = { d: [], r: {} };
  const index = new Map<string, number>();
  for (const f of Object.keys(state.regs).sort()) {
    compact.r[f] = [...state.regs[f]!].sort(compareDots).map((x) => {
      const key = `${x.o}\u0000${x.h}`;
      let i = index.get(key);
      if (i === undefined) {
        i = compact.d.length;
        index.set(key, i);
        compact.d.push([x.o, x.h]);
      }
      return [x.v, i];
    });
  }
  const vv: VersionVector = {};
  for (const k of Object.keys(state.vv).sort()) vv[k] = state.vv[k]!;
  return { vv: JSON.stringify(vv), regs: JSON.stringify(compact) };
}

/** Registers as stored: the compact form, or (rows written before it) one object per value. */
export function decodeRegs(text: string): RecordState['regs'] {
  const parsed = JSON.parse(text) as CompactRegs | RecordState['regs'];
  if (!Array.isArray((parsed as CompactRegs).d)) return parsed as RecordState['regs'];
  const { d, r } = parsed as CompactRegs;
  const regs: RecordState['regs'] = {};
  for (const [f, values] of Object.entries(r))
    regs[f] = values.map(([v, i]) => ({ v, o: d[i]![0], h: d[i]![1] }));
  return regs;
}

export function canonicalState(state: RecordState): string {
  const { vv, regs } = canonicalParts(state);
  return `{"vv":${vv},"regs":${regs}}`;
}

export function statesEqual(a: RecordState, b: RecordState): boolean {
  return canonicalState(a) === canonicalState(b);
}
