import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint enforces the import boundaries and the i18n rule', () => {
  it('keeps node and electron out of shared/', async () => {
    expect(
      await ruleIds(
        'shared/x.ts',
        `import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n`,
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds('shared/x.ts', `import { app } from 'electron';\nexport const a = app;\n`),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('shared/x.ts', `export const a = () => window.location;\n`)).toContain(
      'no-restricted-globals',
    );
  });

  it('keeps electron out of electron/core', async () => {
    expect(
      await ruleIds('electron/core/x.ts', `import { app } from 'electron';\nexport const a = app;\n`),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'electron/core/x.ts',
        `import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n`,
      ),
    ).toEqual([]);
  });

  it('keeps the renderer off electron/ and node', async () => {
    expect(
      await ruleIds(
        'renderer/src/x.ts',
        `import { MingjingCore } from '../../electron/core/mingjing-core';\nexport const a = MingjingCore;\n`,
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds('renderer/src/x.ts', `import { join } from 'node:path';\nexport const a = join;\n`),
    ).toContain('no-restricted-imports');
  });

  it('forbids literal user-visible text in renderer JSX', async () => {
    const ids = await ruleIds('renderer/src/x.tsx', `export const LockButton = () => <div>锁定</div>;\n`);
    expect(ids).toContain('i18next/no-literal-string');
    expect(
      await ruleIds(
        'renderer/src/x.tsx',
        `export const LockButton = () => <div data-testid="lock-button" />;\n`,
      ),
    ).toEqual([]);
  });
});
