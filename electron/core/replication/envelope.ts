import { z } from 'zod';
import { AppError } from '../errors';
import { TYPE_BY_NAME, type RecordType } from './record-types';
import type { RecordState, Scalar } from './register';

/**
 * One record as it travels: the bundle-format.md §4.4 envelope (fields = the projected
 * default values) plus `rep`, its replication state, and `attachments`, the SHA-256 of
 * the content an attachment record refers to. On the wire the state names each dot
 * once: `rep = { vv, dots: [[office, hlc], …], regs: { field: [[value, dot index], …] } }`
 * (a record's fields mostly share one or two dots; this keeps a line about a third of
 * the size of repeating them). `envelopeState` turns it into the merge's RecordState.
 */
export interface WireState {
  vv: Record<string, string>;
  dots: [string, string][];
  regs: Record<string, [Scalar, number][]>;
}

export interface RecordEnvelope {
  type: string;
  v: number;
  id: string;
  originOffice: string;
  createdHlc: string;
  updatedHlc: string;
  deletedHlc: string | null;
  fields: Record<string, Scalar>;
  rep: WireState;
  attachments?: string[];
}

export const ENVELOPE_VERSION = 1;
const MAX_OFFICES = 200;
const MAX_VALUES = 64;
const MAX_DOTS = 4096;

const hlc = z.string().regex(/^\d{15}-[0-9a-f]{4,}-[0-9a-zA-Z-]{1,64}$/);
const office = z.string().min(1).max(64);

const schemas = new Map<string, z.ZodType<RecordEnvelope>>();

function schemaOf(type: RecordType): z.ZodType<RecordEnvelope> {
  const cached = schemas.get(type.type);
  if (cached) return cached;
  const fieldShape: Record<string, z.ZodType> = {};
  const regShape: Record<string, z.ZodType> = {};
  for (const f of type.fields) {
    if (f.name !== 'deleted_hlc') fieldShape[f.name] = f.schema;
    regShape[f.name] = z
      .array(
        z.tuple([
          f.schema,
          z
            .number()
            .int()
            .min(0)
            .max(MAX_DOTS - 1),
        ]),
      )
      .min(1)
      .max(MAX_VALUES)
      .optional();
  }
  const schema = z
    .object({
      type: z.literal(type.type),
      v: z.literal(ENVELOPE_VERSION),
      id: z.string().uuid(),
      originOffice: z.string().uuid(),
      createdHlc: hlc,
      updatedHlc: hlc,
      deletedHlc: hlc.nullable(),
      fields: z.object(fieldShape).strict(),
      rep: z
        .object({
          vv: z.record(office, hlc).refine((v) => Object.keys(v).length <= MAX_OFFICES),
          dots: z.array(z.tuple([office, hlc])).max(MAX_DOTS),
          regs: z.object(regShape).strict(),
        })
        .strict(),
      attachments: z
        .array(z.string().regex(/^[0-9a-f]{64}$/))
        .max(1)
        .optional(),
    })
    .strict()
    // Every dot index must exist, and every dot be covered by the record's own vector.
    .refine((e) => {
      const rep = e.rep as unknown as WireState;
      if (!rep.dots.every(([o, h]) => (rep.vv[o] ?? '') >= h)) return false;
      return Object.values(rep.regs).every((values) => (values ?? []).every(([, i]) => i < rep.dots.length));
    }) as unknown as z.ZodType<RecordEnvelope>;
  schemas.set(type.type, schema);
  return schema;
}

/**
 * Parses one JSON line of records/<type>/NNNNNN.jsonl with the type's strict schema;
 * throws BUNDLE_RECORD_INVALID (with the type, and the record id when readable) otherwise.
 * Text fields stay text: nothing in them is ever interpreted.
 */
export function parseEnvelope(
  type: string,
  value: unknown,
  where?: { name?: string; line?: number },
): RecordEnvelope {
  const spec = TYPE_BY_NAME.get(type);
  const id =
    typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
      ? String((value as { id: string }).id).slice(0, 64)
      : null;
  const fail = () =>
    new AppError('BUNDLE_RECORD_INVALID', {
      type: type.slice(0, 40),
      id: id ?? '—',
      name: where?.name ?? `records/${type.slice(0, 40)}`,
      line: where?.line ?? '—',
    });
  if (!spec) throw fail();
  const parsed = schemaOf(spec).safeParse(value);
  if (!parsed.success) throw fail();
  return parsed.data;
}

export function toEnvelope(
  type: RecordType,
  row: Record<string, Scalar>,
  state: RecordState,
): RecordEnvelope {
  const fields: Record<string, Scalar> = {};
  for (const f of type.fields) if (f.name !== 'deleted_hlc') fields[f.name] = row[f.name] ?? null;
  const envelope: RecordEnvelope = {
    type: type.type,
    v: ENVELOPE_VERSION,
    id: String(row.id),
    originOffice: String(row.origin_office),
    createdHlc: String(row.created_hlc),
    updatedHlc: String(row.updated_hlc),
    deletedHlc: (row.deleted_hlc as string | null) ?? null,
    fields,
    rep: toWire(state),
  };
  if (type.type === 'attachment') envelope.attachments = [String(row.sha256)];
  return envelope;
}

/** The merge's RecordState as it travels (each dot once). */
export function toWire(state: RecordState): WireState {
  const dots: [string, string][] = [];
  const index = new Map<string, number>();
  const regs: WireState['regs'] = {};
  for (const f of Object.keys(state.regs).sort()) {
    regs[f] = state.regs[f]!.map((x) => {
      const key = `${x.o}\u0000${x.h}`;
      let i = index.get(key);
      if (i === undefined) {
        i = dots.length;
        index.set(key, i);
        dots.push([x.o, x.h]);
      }
      return [x.v, i];
    });
  }
  return { vv: { ...state.vv }, dots, regs };
}

/** An envelope's replication state for the merge. */
export function envelopeState(envelope: RecordEnvelope): RecordState {
  const { vv, dots, regs } = envelope.rep;
  const out: RecordState['regs'] = {};
  for (const [f, values] of Object.entries(regs))
    out[f] = values.map(([v, i]) => ({ v, o: dots[i]![0], h: dots[i]![1] }));
  return { vv: { ...vv }, regs: out };
}
