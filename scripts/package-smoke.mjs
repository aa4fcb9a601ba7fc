#!/usr/bin/env node
// Packaging smoke test, offline, in well under two minutes.
//
// 1. Uses the electron-vite output in out/ (runs `electron-vite build` if it is missing).
// 2. Runs electron-builder with the real electron-builder.yml for `--linux --dir`,
//    overriding only: electronDist → a stand-in Electron distribution made here (a fake
//    `electron` executable carrying the fuse sentinel, locales, LICENSE), the output
//    directory → a temp dir, and extraResources → a stand-in Electron-ABI binding.
// 3. Asserts on the result: the asar holds the built app and nothing else (no tests,
//    no TypeScript sources, no devDependencies), the SQLite module's .node is unpacked,
//    the binding is in resources/native, the fuses were flipped as configured, and the
//    locales were pruned. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const started = Date.now();
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRepo = createRequire(path.join(repo, 'package.json'));
// @electron/asar, @electron/fuses and js-yaml are what electron-builder itself uses.
const requireFromBuilder = createRequire(requireFromRepo.resolve('app-builder-lib/package.json'));
const asar = requireFromBuilder('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = requireFromBuilder('@electron/fuses');
const yaml = requireFromBuilder('js-yaml');
const { build, Platform, Arch } = requireFromRepo('electron-builder');

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const builderConfig = yaml.load(readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8'));
const electronVersion = JSON.parse(
  readFileSync(requireFromRepo.resolve('electron/package.json'), 'utf8'),
).version;

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

// --- 1. the built app -------------------------------------------------------------
const builtFiles = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
if (builtFiles.some((f) => !existsSync(path.join(repo, f)))) {
  console.log('package-smoke: out/ incomplete, running electron-vite build…');
  const r = spawnSync(
    process.execPath,
    [requireFromRepo.resolve('electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    console.error('package-smoke: FAILED — electron-vite build failed');
    process.exit(1);
  }
}

// --- 2. stand-in Electron and package --------------------------------------------
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults, in FuseV1Options order: RunAsNode, CookieEncryption,
// NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot,
// GrantFileProtocolExtraPrivileges.
const DEFAULT_WIRE = '10110001';

const tmp = mkdtempSync(path.join(tmpdir(), 'mingjing-package-smoke-'));
const electronDist = path.join(tmp, 'electron-dist');
const nativeDir = path.join(tmp, 'native-binding');
const output = path.join(tmp, 'release');
const FAKE_BINDING = 'stand-in for the Electron-ABI better_sqlite3.node';

try {
  mkdirSync(path.join(electronDist, 'locales'), { recursive: true });
  mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
  const exe = path.join(electronDist, 'electron');
  writeFileSync(
    exe,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron for package-smoke; not runnable" >&2\nexit 1\n'),
      Buffer.alloc(64),
      Buffer.from(SENTINEL, 'ascii'),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE, 'ascii'),
      Buffer.alloc(64),
    ]),
  );
  chmodSync(exe, 0o755);
  for (const locale of ['en-US', 'en-GB', 'zh-CN', 'zh-TW', 'fr', 'de', 'ja']) {
    writeFileSync(path.join(electronDist, 'locales', `${locale}.pak`), locale);
  }
  writeFileSync(path.join(electronDist, 'LICENSE'), 'Electron license (stand-in)');
  writeFileSync(path.join(electronDist, 'version'), electronVersion);
  mkdirSync(nativeDir);
  writeFileSync(path.join(nativeDir, 'better_sqlite3.node'), FAKE_BINDING);

  const config = {
    ...builderConfig,
    electronDist,
    electronVersion,
    directories: { ...builderConfig.directories, output },
    extraResources: builderConfig.extraResources.map((entry) =>
      entry.to === 'native' ? { ...entry, from: nativeDir } : entry,
    ),
  };
  check(
    builderConfig.extraResources.some((e) => e.to === 'native' && e.from === 'build-native/electron'),
    'electron-builder.yml must ship build-native/electron as extraResources → native',
  );
  const configFile = path.join(tmp, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
  await build({
    projectDir: repo,
    config: configFile,
    targets: Platform.LINUX.createTarget(['dir'], arch),
    publish: 'never',
  });

  // --- 3. assertions ----------------------------------------------------------------
  const unpackedName = readdirSync(output).find((d) => d.startsWith('linux') && d.endsWith('unpacked'));
  check(Boolean(unpackedName), `no linux-*unpacked directory in ${output}`);
  const appOut = path.join(output, unpackedName ?? 'linux-unpacked');
  const resources = path.join(appOut, 'resources');
  const asarPath = path.join(resources, 'app.asar');
  check(existsSync(asarPath), 'resources/app.asar missing');

  const executable = path.join(appOut, builderConfig.linux.executableName);
  check(existsSync(executable), `executable ${builderConfig.linux.executableName} missing`);

  if (existsSync(asarPath)) {
    const entries = asar.listPackage(asarPath, { isPack: false }).map((p) => p.split(path.sep).join('/'));
    const files = new Set(entries);
    const isFile = (p) => {
      try {
        return !('files' in asar.statFile(asarPath, p.replace(/^\//, '')));
      } catch {
        return false;
      }
    };

    for (const required of ['/package.json', ...builtFiles.map((f) => `/${f}`)]) {
      check(files.has(required) && isFile(required), `asar is missing ${required}`);
    }
    for (const entry of entries) {
      const inModules = entry.startsWith('/node_modules/');
      const topLevel = ['/out', '/node_modules', '/package.json'];
      if (!inModules && !entry.startsWith('/out/') && !topLevel.includes(entry)) {
        failures.push(`unexpected top-level content in asar: ${entry}`);
      }
      if (!inModules && /\.(ts|tsx|mts|cts)$/.test(entry))
        failures.push(`TypeScript source in asar: ${entry}`);
      if (/\.map$/.test(entry)) failures.push(`source map in asar: ${entry}`);
      if (/^\/(tests|electron|renderer|shared|scripts|docs|build-native|resources)(\/|$)/.test(entry)) {
        failures.push(`source directory in asar: ${entry}`);
      }
    }
    const shippedModules = new Set(
      entries
        .filter((e) => e.startsWith('/node_modules/'))
        .map((e) =>
          e
            .split('/')
            .slice(2, e.split('/')[2]?.startsWith('@') ? 4 : 3)
            .join('/'),
        )
        .filter(Boolean),
    );
    for (const dev of Object.keys(pkg.devDependencies ?? {})) {
      check(!shippedModules.has(dev), `devDependency shipped in asar: node_modules/${dev}`);
    }
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      check(shippedModules.has(dep), `dependency missing from asar: node_modules/${dep}`);
    }

    const sqlite = '/node_modules/better-sqlite3-multiple-ciphers';
    check(files.has(`${sqlite}/lib/index.js`), 'better-sqlite3-multiple-ciphers/lib missing from asar');
    for (const leftover of [
      'deps',
      'src',
      'build/Release/obj',
      'build/Release/obj.target',
      'build/Release/test_extension.node',
    ]) {
      check(!files.has(`${sqlite}/${leftover}`), `build leftover shipped: ${sqlite}/${leftover}`);
    }
    const nodeFiles = entries.filter((e) => e.endsWith('.node'));
    check(nodeFiles.length > 0, 'no native .node file in the package');
    for (const nodeFile of nodeFiles) {
      const stat = asar.statFile(asarPath, nodeFile.replace(/^\//, ''));
      check(stat.unpacked === true, `${nodeFile} is inside the asar; it must be unpacked`);
      check(
        existsSync(path.join(resources, 'app.asar.unpacked', nodeFile)),
        `${nodeFile} missing from app.asar.unpacked`,
      );
    }

    const shippedPkg = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
    check(shippedPkg.main === 'out/main/index.js', `package.json main is ${shippedPkg.main}`);
    check(shippedPkg.type === 'module', 'package.json lost "type": "module" (main is ESM)');
    check(!shippedPkg.scripts, 'package.json still carries scripts');
  }

  const binding = path.join(resources, 'native', 'better_sqlite3.node');
  check(
    existsSync(binding) && readFileSync(binding, 'utf8') === FAKE_BINDING,
    'resources/native/better_sqlite3.node missing',
  );

  const locales = existsSync(path.join(appOut, 'locales'))
    ? readdirSync(path.join(appOut, 'locales')).sort()
    : [];
  check(
    JSON.stringify(locales) === JSON.stringify(['en-US.pak', 'zh-CN.pak', 'zh-TW.pak']),
    `locales not pruned to electronLanguages: ${locales.join(', ')}`,
  );
  check(existsSync(path.join(appOut, 'LICENSE.electron.txt')), 'Electron LICENSE not retained');

  if (existsSync(executable)) {
    check((statSync(executable).mode & 0o111) !== 0, 'executable lost its exec bit');
    const wire = await getCurrentFuseWire(executable);
    const expected = {
      RunAsNode: builderConfig.electronFuses.runAsNode,
      EnableCookieEncryption: builderConfig.electronFuses.enableCookieEncryption,
      EnableNodeOptionsEnvironmentVariable: builderConfig.electronFuses.enableNodeOptionsEnvironmentVariable,
      EnableNodeCliInspectArguments: builderConfig.electronFuses.enableNodeCliInspectArguments,
      EnableEmbeddedAsarIntegrityValidation:
        builderConfig.electronFuses.enableEmbeddedAsarIntegrityValidation,
      OnlyLoadAppFromAsar: builderConfig.electronFuses.onlyLoadAppFromAsar,
      GrantFileProtocolExtraPrivileges: builderConfig.electronFuses.grantFileProtocolExtraPrivileges,
    };
    // The security baseline; a change here must be deliberate.
    const baseline = {
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    };
    for (const [name, want] of Object.entries(baseline)) {
      check(expected[name] === want, `electron-builder.yml electronFuses: ${name} should be ${want}`);
      const state = wire[FuseV1Options[name]];
      check(
        state === (want ? 49 : 48),
        `fuse ${name} is ${String.fromCharCode(state)} in the packaged binary, expected ${want ? 1 : 0}`,
      );
    }
  }
} catch (err) {
  failures.push(
    `electron-builder failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
} finally {
  if (!process.env.MINGJING_KEEP_SMOKE) rmSync(tmp, { recursive: true, force: true });
  else console.log(`package-smoke: kept ${tmp}`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`package-smoke: FAILED (${seconds}s)`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(
  `package-smoke: OK (${seconds}s) — asar contents, unpacked native module, resources/native binding, fuses, locales`,
);
