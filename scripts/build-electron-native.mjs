#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for Electron's ABI into
// build-native/electron/better_sqlite3.node, leaving node_modules (the Node-ABI
// build the tests use) untouched: the package is copied to a temp dir and built
// there with node-gyp against Electron's headers. See docs/electron-native.md.
//
//   node scripts/build-electron-native.mjs            build for the installed Electron
//   node scripts/build-electron-native.mjs --check    only verify the output exists (for packaging)
//
// Options (flags or environment):
//   --electron=<version>   ELECTRON_VERSION      default: node_modules/electron's version
//   --arch=<x64|arm64|…>   ELECTRON_ARCH         default: this machine's
//   --nodedir=<dir>        ELECTRON_NODEDIR      extracted Electron headers (air-gapped builds)
//   --dist-url=<url>       ELECTRON_HEADERS_URL  headers mirror (default https://electronjs.org/headers)
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRepo = createRequire(path.join(repo, 'package.json'));
const MODULE = 'better-sqlite3-multiple-ciphers';
const outDir = path.join(repo, 'build-native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, ...v] = a.slice(2).split('=');
      return [k, v.length ? v.join('=') : true];
    }),
);

function fail(message) {
  console.error(`build-electron-native: ${message}`);
  process.exit(1);
}

const electronVersion =
  args.electron ||
  process.env.ELECTRON_VERSION ||
  JSON.parse(readFileSync(requireFromRepo.resolve('electron/package.json'), 'utf8')).version;
const arch = args.arch || process.env.ELECTRON_ARCH || process.arch;
const nodedir = args.nodedir || process.env.ELECTRON_NODEDIR || '';
const distUrl = (
  args['dist-url'] ||
  process.env.ELECTRON_HEADERS_URL ||
  'https://electronjs.org/headers'
).replace(/\/+$/, '');

if (args.check) {
  if (!existsSync(outFile)) {
    fail(
      `${path.relative(repo, outFile)} is missing — run \`node scripts/build-electron-native.mjs\` before packaging`,
    );
  }
  const info = path.join(outDir, 'build-info.json');
  const built = existsSync(info) ? JSON.parse(readFileSync(info, 'utf8')) : null;
  if (!built || built.electron !== electronVersion || built.arch !== arch) {
    fail(
      `${path.relative(repo, outFile)} was built for Electron ${built?.electron ?? '?'} (${built?.arch ?? '?'}), ` +
        `not ${electronVersion} (${arch}) — rebuild it`,
    );
  }
  console.log(
    `build-electron-native: OK — ${path.relative(repo, outFile)} for Electron ${electronVersion} (${arch})`,
  );
  process.exit(0);
}

// 1. Headers: a local directory, or reachable at the dist URL. One clear line otherwise.
if (nodedir) {
  if (!existsSync(path.join(nodedir, 'include', 'node', 'node.h'))) {
    fail(
      `ELECTRON_NODEDIR=${nodedir} does not look like extracted Electron headers (no include/node/node.h)`,
    );
  }
} else {
  const probe = `${distUrl}/v${electronVersion}/SHASUMS256.txt`;
  try {
    const res = await fetch(probe, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (err) {
    const reason = err instanceof Error ? (err.cause?.code ?? err.message) : String(err);
    fail(
      `cannot fetch Electron v${electronVersion} headers from ${distUrl} (${reason}); ` +
        `set ELECTRON_NODEDIR to extracted headers or ELECTRON_HEADERS_URL to a mirror`,
    );
  }
}

// 2. Build a copy of the package, never the one in node_modules.
const source = path.dirname(requireFromRepo.resolve(`${MODULE}/package.json`));
const work = mkdtempSync(path.join(tmpdir(), 'mingjing-electron-native-'));
const copy = path.join(work, MODULE);
try {
  cpSync(source, copy, {
    recursive: true,
    filter: (src) => {
      const parts = path.relative(source, src).split(path.sep);
      return !parts.includes('build') && !parts.includes('node_modules');
    },
  });
  const gyp = requireFromRepo.resolve('node-gyp/bin/node-gyp.js');
  const gypArgs = [
    gyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    ...(nodedir
      ? [`--nodedir=${path.resolve(nodedir)}`]
      : [`--dist-url=${distUrl}`, `--devdir=${path.join(homedir(), '.electron-gyp')}`]),
    `--jobs=max`,
  ];
  console.log(`build-electron-native: building ${MODULE} for Electron ${electronVersion} (${arch})…`);
  const r = spawnSync(process.execPath, gypArgs, {
    cwd: copy,
    stdio: 'inherit',
    env: {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion,
      npm_config_disturl: distUrl,
    },
  });
  if (r.error) fail(`could not run node-gyp: ${r.error.message}`);
  if (r.status !== 0) fail(`node-gyp failed (exit ${r.status ?? r.signal}); see the output above`);

  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) fail(`node-gyp succeeded but ${built} is missing`);
  mkdirSync(outDir, { recursive: true });
  cpSync(built, outFile);
  writeFileSync(
    path.join(outDir, 'build-info.json'),
    `${JSON.stringify(
      {
        module: MODULE,
        moduleVersion: JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')).version,
        electron: electronVersion,
        arch,
        platform: process.platform,
        headers: nodedir ? `nodedir:${path.resolve(nodedir)}` : distUrl,
        builtAt: new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `build-electron-native: wrote ${path.relative(repo, outFile)} (${statSync(outFile).size} bytes) for Electron ${electronVersion} (${arch})`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
