import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where things live. `appPath` is app.getAppPath(): the repository root in
 * development, resources/app.asar when packaged; out/ sits under it either way.
 */

export function rendererRoot(appPath: string): string {
  return path.join(appPath, 'out', 'renderer');
}

export function preloadPath(appPath: string): string {
  return path.join(appPath, 'out', 'preload', 'index.cjs');
}

/** The vault's directory: $MINGJING_DATA_DIR if set, else <userData>/vault. */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const override = env.MINGJING_DATA_DIR?.trim();
  return override ? path.resolve(override) : path.join(userDataDir, 'vault');
}

export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

export interface NativeBindingContext {
  /** process.versions.electron — unset when running under plain Node. */
  electronVersion: string | undefined;
  isPackaged: boolean;
  /** process.resourcesPath (packaged builds ship the binding as resources/native/). */
  resourcesPath: string;
  appPath: string;
  exists?: (file: string) => boolean;
}

/**
 * The SQLite binding built for Electron's ABI (scripts/build-electron-native.mjs),
 * if present. Otherwise undefined: the module loads its default build, which is the
 * Node ABI build the tests use.
 */
export function resolveNativeBinding(ctx: NativeBindingContext): string | undefined {
  if (!ctx.electronVersion) return undefined;
  const exists = ctx.exists ?? existsSync;
  const candidate = ctx.isPackaged
    ? path.join(ctx.resourcesPath, 'native', NATIVE_BINDING_FILE)
    : path.join(ctx.appPath, 'build-native', 'electron', NATIVE_BINDING_FILE);
  return exists(candidate) ? candidate : undefined;
}
