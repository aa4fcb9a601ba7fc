#!/usr/bin/env node
// Electronegativity over the Electron shell and the renderer, offline.
//
// Scans (1) the sources — electron/, shared/, renderer/index.html and
// renderer/src — and (2) the built app in out/ when it exists (what actually
// ships: the main and preload bundles and the renderer's HTML together, so global
// checks such as "navigation limits" see the whole app). The renderer's minified
// JS bundles are left out of (2): the tool's parser cannot read modern vendor
// code (class private fields), and their own code is scanned as sources in (1). Every finding must be listed in
// scripts/electronegativity-allowlist.json with a justification, else exit 1.
// Allow-list entries that matched nothing are reported so the list stays honest.
//
// Offline: Electronegativity fetches translations and Electron's release list
// with `got`; we hand it a `got` that fails at once, and skip the one check that
// only works with that release list (AvailableSecurityFixesGlobalCheck).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowListPath = path.join(repo, 'scripts', 'electronegativity-allowlist.json');
const verbose = process.argv.includes('--verbose');

const requireFromRepo = createRequire(path.join(repo, 'package.json'));
const runnerPath = requireFromRepo.resolve('@doyensec/electronegativity/dist/runner.js');
const requireFromTool = createRequire(runnerPath);

// Offline `got`: every request fails immediately (no DNS lookups, no timeouts).
const gotPath = requireFromTool.resolve('got');
const offline = () => Promise.reject(new Error('offline: network disabled for electronegativity'));
for (const verb of ['get', 'head', 'post', 'stream', 'extend']) offline[verb] = offline;
requireFromTool.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };

const run = requireFromTool(runnerPath);
const electronVersion = JSON.parse(
  readFileSync(requireFromRepo.resolve('electron/package.json'), 'utf8'),
).version;

/** @type {{ id: string, target?: string, file?: string, justification: string }[]} */
const allowList = JSON.parse(readFileSync(allowListPath, 'utf8')).entries;
for (const entry of allowList) {
  if (!entry.id || !entry.justification || entry.justification.trim().length < 20) {
    console.error(
      `electronegativity: allow-list entry ${JSON.stringify(entry)} needs an id and a real justification`,
    );
    process.exit(1);
  }
}

/** Copies the given repo paths into a temp dir so one scan sees exactly them. */
function stage(name, parts, skip = () => false) {
  const dir = mkdtempSync(path.join(tmpdir(), `mingjing-electronegativity-${name}-`));
  let copied = 0;
  for (const part of parts) {
    const from = path.join(repo, part);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(dir, part), {
      recursive: true,
      filter: (src) => !src.includes('node_modules') && !skip(toPosix(path.relative(repo, src))),
    });
    copied++;
  }
  // package.json lets the tool see the Electron version; we also pass it explicitly.
  writeFileSync(path.join(dir, 'package.json'), readFileSync(path.join(repo, 'package.json')));
  return { dir, copied };
}

const toPosix = (p) => p.split(path.sep).join('/');

const targets = [
  { name: 'sources', parts: ['electron', 'shared', 'renderer/index.html', 'renderer/src'] },
  {
    name: 'built',
    parts: ['out/main', 'out/preload', 'out/renderer'],
    skip: (rel) => rel.startsWith('out/renderer/') && /\.(c|m)?js$/.test(rel),
  },
];
const used = new Set();
const unexpected = [];
let allowed = 0;
let scanned = 0;
let failedParses = 0;

for (const target of targets) {
  const { dir, copied } = stage(target.name, target.parts, target.skip);
  try {
    if (copied === 0 || (target.name === 'built' && !existsSync(path.join(dir, 'out')))) {
      console.log(
        `electronegativity: ${target.name}: nothing to scan (run \`npm run build\` to include out/)`,
      );
      continue;
    }
    const captured = [];
    const log = console.log;
    console.log = (...args) => captured.push(args.join(' '));
    let result;
    try {
      result = await run(
        {
          input: dir,
          isRelative: true,
          electronVersionOverride: electronVersion,
          customScan: [],
          excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        },
        false,
      );
    } finally {
      console.log = log;
    }
    if (verbose) for (const line of captured) console.log(`  [tool] ${line}`);
    scanned++;
    for (const error of result.errors) {
      if (error.tolerable) {
        if (verbose) console.log(`  [parse warning] ${error.file}: ${error.message}`);
      } else {
        failedParses++;
        console.error(
          `electronegativity: ${target.name}: could not parse ${toPosix(error.file)}: ${error.message}`,
        );
      }
    }
    for (const issue of result.issues) {
      const file = toPosix(issue.file ?? 'N/A').replace(/^\/+/, '');
      const finding = {
        target: target.name,
        id: issue.id,
        file,
        line: issue.location?.line ?? 0,
        severity: issue.severity?.name ?? '?',
        confidence: issue.confidence?.name ?? '?',
        description:
          typeof issue.description === 'string' ? issue.description : JSON.stringify(issue.description),
      };
      const index = allowList.findIndex(
        (e) =>
          e.id === finding.id &&
          ((e.target ?? '*') === '*' || e.target === finding.target) &&
          ((e.file ?? '*') === '*' || e.file === finding.file),
      );
      if (index >= 0) {
        used.add(index);
        allowed++;
        if (verbose) console.log(`  allowed: ${finding.id} ${finding.target}:${finding.file}`);
      } else {
        unexpected.push(finding);
      }
    }
    console.log(
      `electronegativity: ${target.name}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} finding(s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

allowList.forEach((entry, index) => {
  if (!used.has(index))
    console.log(
      `electronegativity: note: allow-list entry ${entry.id} (${entry.file ?? '*'}) matched nothing`,
    );
});

if (scanned === 0) {
  console.error('electronegativity: nothing was scanned');
  process.exit(1);
}
if (unexpected.length > 0 || failedParses > 0) {
  for (const f of unexpected) {
    console.error(
      `  UNREVIEWED ${f.id} [${f.severity}/${f.confidence}] ${f.target}:${f.file}:${f.line} — ${f.description.slice(0, 160)}`,
    );
  }
  console.error(
    `electronegativity: FAILED — ${unexpected.length} unreviewed finding(s), ${failedParses} unparsable file(s). ` +
      `Fix them, or add a justified entry to scripts/electronegativity-allowlist.json.`,
  );
  process.exit(1);
}
console.log(
  `electronegativity: OK — ${allowed} finding(s), all reviewed in the allow-list (Electron ${electronVersion})`,
);
