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
  /** Options of `bundle export` / `bundle import`. */
  transfer: {
    cases: string[];
    all: boolean;
    to: string[];
    out: string | undefined;
    yes: boolean;
    incremental: boolean;
    mediaLabel: string | undefined;
    expiresDays: string | undefined;
    description: string | undefined;
    includeSealed: boolean;
    includeProtected: boolean;
  };
  /** Options of `keycard trust` / `bundle verify`. */
  keycard: {
    fingerprint: string | undefined;
    card: string | undefined;
  };
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
        case: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        to: { type: 'string', multiple: true },
        out: { type: 'string' },
        yes: { type: 'boolean', default: false },
        incremental: { type: 'boolean', default: false },
        'media-label': { type: 'string' },
        'expires-days': { type: 'string' },
        description: { type: 'string' },
        'include-sealed': { type: 'boolean', default: false },
        'include-protected': { type: 'boolean', default: false },
        fingerprint: { type: 'string' },
        keycard: { type: 'string' },
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
    transfer: {
      cases: parsed.values.case ?? [],
      all: parsed.values.all ?? false,
      to: parsed.values.to ?? [],
      out: parsed.values.out,
      yes: parsed.values.yes ?? false,
      incremental: parsed.values.incremental ?? false,
      mediaLabel: parsed.values['media-label'],
      expiresDays: parsed.values['expires-days'],
      description: parsed.values.description,
      includeSealed: parsed.values['include-sealed'] ?? false,
      includeProtected: parsed.values['include-protected'] ?? false,
    },
    keycard: {
      fingerprint: parsed.values.fingerprint,
      card: parsed.values.keycard,
    },
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
  bundle export --data-dir DIR [--user NAME] (--case ID… | --all) --to CARD… --out FILE
        [--incremental] [--media-label TEXT] [--expires-days N] [--description TEXT]
        [--include-sealed] [--include-protected] [--json]
        write a signed, encrypted bundle (FILE and FILE.minisig) for trusted offices
        (each --to is the office's key card file; it must be trusted in this vault)
  bundle import --data-dir DIR [--user NAME] FILE [--yes] [--json]
        check and preview a received bundle; applies it only with --yes
        (a replayed, older or expired bundle is refused unless --yes is given)
  bundle inspect FILE [--json]
        outer facts without any key: size, SHA-256, claimed signer (unverified), bundle id, recipients
  bundle verify FILE --keycard CARD [--json]
        check FILE.minisig against that office's key card; exit 0 only when the signature holds
  keycard export --data-dir DIR [--user NAME] --out FILE
        write this office's key card (FILE), FILE.minisign.pub and FILE.age-recipient
  keycard trust --data-dir DIR [--user NAME] CARD [--fingerprint FP]
        trust another office's key card after comparing the fingerprint read out by that office
        (a rotation signed by the trusted previous key needs no --fingerprint)

The passphrase is read from MINGJING_PASSPHRASE when set, otherwise prompted without echo.`;
