import { writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { CardPreviewView, TrustedOfficeView } from '../../../shared/contracts/offices';
import { KEY_CARD_MAX_BYTES } from '../../../shared/contracts/offices';
import { AppError } from '../../core/errors';
import { requireOption, UsageError, type CliArgs } from '../args';
import { signInCore } from './signed-in-core';

interface ExportedCard {
  fileName: string;
  text: string;
  minisignPublicKey: string;
  ageRecipient: string;
}

/** A key card file as text; the 16 KiB limit of bundle-format.md §5 before reading it whole. */
export async function readCardFile(path: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UsageError(`cannot read key card: ${path}`);
  }
  if (size > KEY_CARD_MAX_BYTES) throw new AppError('KEYCARD_TOO_LARGE');
  return readFile(path, 'utf8');
}

/**
 * `keycard export`: this office's key card, plus the two files the standard tools read:
 * FILE.minisign.pub (`minisign -V -p`) and FILE.age-recipient (`age -R`). Never overwrites.
 */
export async function keycardExportCommand(args: CliArgs): Promise<void> {
  const out = requireOption(args.transfer.out, '--out');
  const session = await signInCore(args);
  try {
    const card = await session.call<ExportedCard>('offices:exportCard', {});
    const files: [string, string][] = [
      [out, card.text],
      [`${out}.minisign.pub`, card.minisignPublicKey],
      [`${out}.age-recipient`, `${card.ageRecipient}\n`],
    ];
    for (const [path, text] of files) {
      try {
        writeFileSync(path, text, { flag: 'wx' });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'EEXIST' ? `file exists: ${path}` : `cannot write: ${path}`);
      }
    }
    const own = await session.call<{ officeName: string; fingerprint: string }>('offices:identity', {});
    if (args.json) console.log(JSON.stringify({ files: files.map(([p]) => p), ...own }, null, 2));
    else {
      for (const [path] of files) console.log(`wrote ${path}`);
      console.log(`${own.officeName}  ${own.fingerprint}`);
    }
  } finally {
    await session.close();
  }
}

/**
 * `keycard trust`: the app's preview and trust, as the signed-in security administrator.
 * A new or replaced key needs --fingerprint (as read out by the other office); a rotation
 * signed by the trusted previous key is accepted without one.
 */
export async function keycardTrustCommand(args: CliArgs): Promise<void> {
  const cardPath = args.positionals[1];
  if (!cardPath) throw new UsageError('missing CARD');
  const cardText = await readCardFile(cardPath);
  const fingerprint = args.keycard.fingerprint;
  const session = await signInCore(args);
  try {
    const preview = await session.call<CardPreviewView>('offices:previewCard', { cardText });
    let trusted: TrustedOfficeView;
    if (preview.relation === 'rotation' && fingerprint === undefined) {
      trusted = await session.call<TrustedOfficeView>('offices:acceptRotation', { cardText });
    } else {
      if (fingerprint === undefined) {
        throw new UsageError(
          `missing --fingerprint: compare with the one read out by ${preview.officeName} (card says ${preview.fingerprint})`,
        );
      }
      trusted = await session.call<TrustedOfficeView>('offices:trust', { cardText, fingerprint });
    }
    if (args.json) console.log(JSON.stringify(trusted, null, 2));
    else
      console.log(
        `trusted ${trusted.name} (${trusted.officeId})  ${trusted.fingerprint}  [${trusted.status}]`,
      );
  } finally {
    await session.close();
  }
}
