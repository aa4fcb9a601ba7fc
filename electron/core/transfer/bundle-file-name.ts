import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sanitizeFileName } from '../../../shared/file-name';
import { AppError } from '../errors';

async function taken(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * A fresh bundle path in `dir`: "<office>_<scope>_<YYYYMMDD>.mjb", with "-2", "-3" …
 * added when that name (or its .minisig) exists. Never an existing file.
 */
export async function freshBundlePath(
  dir: string,
  officeName: string,
  scope: string,
  at: Date,
): Promise<string> {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  const stem = sanitizeFileName(`${officeName}_${scope}_${day}`, 80, 'bundle').replaceAll(' ', '_');
  for (let n = 1; n < 10_000; n++) {
    const file = join(dir, `${stem}${n === 1 ? '' : `-${n}`}.mjb`);
    if (!(await taken(file)) && !(await taken(`${file}.minisig`))) return file;
  }
  throw new Error('no free bundle name');
}

/** The name the user gave (".mjb" added when missing); refused when it or its signature exists. */
export async function chosenBundlePath(dir: string, name: string): Promise<string> {
  const safe = sanitizeFileName(name, 120, 'bundle');
  const file = join(dir, safe.toLowerCase().endsWith('.mjb') ? safe : `${safe}.mjb`);
  if ((await taken(file)) || (await taken(`${file}.minisig`))) {
    throw new AppError('TRANSFER_FILE_EXISTS', { file: safe });
  }
  return file;
}
