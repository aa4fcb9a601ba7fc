/**
 * `npm run bench`: the same workloads on a plaintext SQLite database and on the
 * encrypted vault connection, measured in one run, printed as JSON with the
 * encrypted/plain ratio for each. Figures, not assertions: machines are shared.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KDF_COST, deriveKey, newKdfParams } from '../../electron/core/crypto/kdf';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openEncryptedDatabase, type Db } from '../../electron/core/db/open-database';

const ROWS = 100_000;
const READS = 2_000;
const TXNS = 500;

function openPlain(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -131072');
  return db;
}

const SCHEMA = `CREATE TABLE rec (
  id TEXT PRIMARY KEY, origin_office TEXT NOT NULL, created_hlc TEXT NOT NULL, updated_hlc TEXT NOT NULL,
  deleted_hlc TEXT, grp INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL) STRICT;
CREATE INDEX rec_grp ON rec(grp, updated_hlc);`;

const body = '反映某单位违规发放津贴补贴、公车私用等问题，涉及金额较大，请求核查。'.repeat(4);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return {
    n: s.length,
    meanMs: +mean.toFixed(4),
    p50Ms: +percentile(s, 50).toFixed(4),
    p95Ms: +percentile(s, 95).toFixed(4),
  };
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function bulkInsert(db: Db): number {
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO rec VALUES (?, ?, ?, ?, NULL, ?, ?, ?)');
  const office = randomUUID();
  return time(() =>
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const hlc = `${String(1_700_000_000_000 + i).padStart(15, '0')}-0000-bench`;
        insert.run(randomUUID(), office, hlc, hlc, i % 2_000, `线索 ${i}`, body);
      }
    })(),
  );
}

function pageReads(db: Db): number[] {
  const page = db.prepare(
    'SELECT * FROM rec WHERE grp = ? AND deleted_hlc IS NULL ORDER BY updated_hlc DESC LIMIT 50',
  );
  const out: number[] = [];
  for (let i = 0; i < READS; i++) out.push(time(() => page.all(Math.floor(Math.random() * 2_000))));
  return out;
}

function smallTransactions(db: Db): number[] {
  const update = db.prepare(
    'UPDATE rec SET title = ?, updated_hlc = ? WHERE id = (SELECT id FROM rec WHERE grp = ? LIMIT 1)',
  );
  const out: number[] = [];
  for (let i = 0; i < TXNS; i++) {
    out.push(
      time(() =>
        db.transaction(() => update.run(`改 ${i}`, `9${String(i).padStart(14, '0')}-0000-b`, i % 2_000))(),
      ),
    );
  }
  return out;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'mj-bench-'));
  try {
    const key = randomBytes(32);
    const plain = openPlain(join(dir, 'plain.db'));
    const enc = openEncryptedDatabase(join(dir, 'enc.db'), key, 'enc.db');

    const bulk = { plainMs: bulkInsert(plain), encryptedMs: bulkInsert(enc) };
    // Interleave the two so machine noise hits both alike.
    const reads = { plain: [] as number[], enc: [] as number[] };
    const txns = { plain: [] as number[], enc: [] as number[] };
    for (let round = 0; round < 2; round++) {
      reads.plain.push(...pageReads(plain));
      reads.enc.push(...pageReads(enc));
      txns.plain.push(...smallTransactions(plain));
      txns.enc.push(...smallTransactions(enc));
    }
    plain.close();
    enc.close();

    const openTimes = { plain: [] as number[], enc: [] as number[] };
    for (let i = 0; i < 10; i++) {
      const p = join(dir, `open-${i}.db`);
      openTimes.enc.push(
        time(() => {
          const db = openEncryptedDatabase(p, key, 'open.db');
          migrate(db, MIGRATIONS);
          db.close();
        }),
      );
      openTimes.plain.push(
        time(() => {
          const db = openPlain(join(dir, `open-plain-${i}.db`));
          migrate(db, MIGRATIONS);
          db.close();
        }),
      );
    }

    const kdf: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      (await deriveKey('bench passphrase 2026', newKdfParams(DEFAULT_KDF_COST))).fill(0);
      kdf.push(Number(process.hrtime.bigint() - t) / 1e6);
    }

    const r = (a: { meanMs: number }, b: { meanMs: number }) => +(b.meanMs / a.meanMs).toFixed(3);
    const rp = stats(reads.plain);
    const re = stats(reads.enc);
    const tp = stats(txns.plain);
    const te = stats(txns.enc);
    const op = stats(openTimes.plain);
    const oe = stats(openTimes.enc);
    const result = {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      typical: {
        pageRead50: { plain: rp, encrypted: re, ratio: r(rp, re) },
        smallTransaction: { plain: tp, encrypted: te, ratio: r(tp, te) },
        // A working session reads far more than it writes: nine page reads per small
        // transaction (opening lists and records, then one save).
        mix9to1: {
          ratio: +((9 * re.meanMs + te.meanMs) / (9 * rp.meanMs + tp.meanMs)).toFixed(3),
        },
        goal: 'encrypted/plain ≤ 1.3',
      },
      bulkImport: { rows: ROWS, ...bulk, ratio: +(bulk.encryptedMs / bulk.plainMs).toFixed(3) },
      openAndMigrateExcludingKdf: { plain: op, encrypted: oe, ratio: r(op, oe) },
      kdf: { params: DEFAULT_KDF_COST, ...stats(kdf) },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
