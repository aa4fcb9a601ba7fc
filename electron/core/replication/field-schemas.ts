import { z } from 'zod';

/**
 * Column kinds of replicated fields and the zod schema of each. Text stays text: it is
 * stored and shown as it came (React renders it as text), never interpreted.
 * `e(a|b)` is an enum the table's CHECK also enforces; a trailing `?` allows null.
 */
const SHORT = 20_000;
const LONG = 200_000;

const kinds: Record<string, () => z.ZodType> = {
  id: () => z.string().min(1).max(64),
  s: () => z.string().max(SHORT),
  l: () => z.string().max(LONG),
  /** Dates and times (YYYY-MM-DD, ISO): picked, never merged by typing. */
  d: () => z.string().max(40),
  i: () => z.number().int().min(-1e12).max(1e12),
  b: () => z.union([z.literal(0), z.literal(1)]),
  j: () =>
    z
      .string()
      .max(LONG)
      .refine((s) => {
        try {
          JSON.parse(s);
          return true;
        } catch {
          return false;
        }
      }),
  h: () => z.string().regex(/^\d{15}-[0-9a-f]{4,}-[0-9a-zA-Z-]{1,64}$/),
};

export interface FieldSpec {
  name: string;
  kind: string;
  nullable: boolean;
  /** For text fields a person may merge by typing (s, l). */
  text: boolean;
  schema: z.ZodType;
}

/** Parses "case_id:id number:s status:e(open|closed) notes:l?" into field specs. */
export function fields(spec: string): FieldSpec[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((part) => {
      const m = /^([a-z_0-9]+):([a-z]+)(?:\(([^)]*)\))?(\?)?$/.exec(part);
      if (!m) throw new Error(`bad field spec ${part}`);
      const [, name, kind, values, opt] = m as unknown as [
        string,
        string,
        string,
        string | undefined,
        string?,
      ];
      let schema: z.ZodType;
      if (kind === 'e') schema = z.enum(values!.split('|') as [string, ...string[]]);
      else if (kinds[kind]) schema = kinds[kind]();
      else throw new Error(`bad field kind ${kind}`);
      const nullable = opt === '?';
      return {
        name,
        kind,
        nullable,
        text: kind === 's' || kind === 'l',
        schema: nullable ? schema.nullable() : schema,
      };
    });
}

/** The tombstone travels as a field like any other (docs/transfers.md §2). */
export const DELETED_FIELD: FieldSpec = {
  name: 'deleted_hlc',
  kind: 'h',
  nullable: true,
  text: false,
  schema: kinds.h!().nullable(),
};
