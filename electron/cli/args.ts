import { parseArgs } from 'node:util';

export interface CliArgs {
  command: string | undefined;
  positionals: string[];
  dataDir: string | undefined;
  office: string | undefined;
  user: string | undefined;
  displayName: string | undefined;
  json: boolean;
  /** Seed sizes as typed (--units N …); `seed` validates them. */
  counts: Partial<Record<(typeof COUNT_OPTIONS)[number], string>>;
}

const COUNT_OPTIONS = ['units', 'persons', 'cases', 'intake', 'leads'] as const;

export class UsageError extends Error {}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        office: { type: 'string' },
        user: { type: 'string' },
        'display-name': { type: 'string' },
        json: { type: 'boolean', default: false },
        units: { type: 'string' },
        persons: { type: 'string' },
        cases: { type: 'string' },
        intake: { type: 'string' },
        leads: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [command, ...positionals] = parsed.positionals;
  return {
    command,
    positionals,
    dataDir: parsed.values['data-dir'],
    office: parsed.values.office,
    user: parsed.values.user,
    displayName: parsed.values['display-name'],
    json: parsed.values.json ?? false,
    counts: Object.fromEntries(
      COUNT_OPTIONS.map((o) => [o, parsed.values[o]]).filter(([, v]) => v !== undefined),
    ),
  };
}

export function requireOption<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`missing ${flag}`);
  return value;
}

export const USAGE = `usage: npm run -s cli -- <command> [options]

commands:
  init  --data-dir DIR --office NAME --user NAME [--display-name NAME]
        create a vault; prints the recovery code once
  check --data-dir DIR [--user NAME] [--json]
        SQLCipher page authentication, SQLite integrity, migration hashes, audit chain
  info  --data-dir DIR [--user NAME] [--json]
        schema version, office, users, record counts
  search --data-dir DIR [--user NAME] [--json] QUERY
        the app's full-text search as that user: type, id, title, snippet
  seed  --data-dir DIR [--user NAME] [--units N] [--persons N] [--cases N] [--intake N] [--leads N]
        write Chinese demo data into a vault (demos and benchmarks only)

The passphrase is read from MINGJING_PASSPHRASE when set, otherwise prompted without echo.`;
