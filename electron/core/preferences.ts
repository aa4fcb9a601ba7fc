import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { localeSchema, type Preferences } from '../../shared/contract';
import { dataPath, ensureDataDir, writeFileAtomic } from './vault/data-dir';

/**
 * Installation preferences needed before unlock (the language of the unlock
 * screen). Plain JSON: nothing in it is confidential.
 */
const fileSchema = z.object({ language: localeSchema.nullable() });

export function readPreferences(dataDir: string, osLocale: string): Preferences {
  const path = dataPath(dataDir, 'preferences');
  let language: Preferences['language'] = null;
  if (existsSync(path)) {
    try {
      language = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).language;
    } catch {
      language = null; // an unreadable preferences file falls back to the OS language
    }
  }
  return { language, osLocale };
}

export function writeLanguage(dataDir: string, language: Preferences['language']): void {
  ensureDataDir(dataDir);
  writeFileAtomic(dataPath(dataDir, 'preferences'), `${JSON.stringify({ language })}\n`);
}
