import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/** The boundary rules of architecture.md are enforced by lint: shared/ stays pure. */
// Probe files do not exist on disk, so type-aware rules are switched off for them; the import
// rules under test come from the project's own eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('runtime boundaries', () => {
  it.each([
    ["import { useState } from 'react';", 'React'],
    ["import Dexie from 'dexie';", 'Dexie'],
    ["import { app } from 'electron';", 'electron'],
    ["import { readFileSync } from 'node:fs';", 'Node'],
    ["import path from 'path';", 'Node'],
    ["import { Repositories } from '../renderer/db/repositories';", 'renderer'],
  ])('shared/ may not: %s', async (code, word) => {
    const messages = await lint('shared/probe.ts', `${code}\nexport const x = 1;\n`);
    expect(messages.join(' ')).toContain(word);
  });

  it('shared/ may use zod and pure libraries', async () => {
    expect(await lint('shared/probe.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('renderer/ may not import electron or node, and only renderer/db may import dexie', async () => {
    expect((await lint('renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).length).toBe(1);
    expect((await lint('renderer/features/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).length).toBe(1);
    expect(await lint('renderer/db/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toEqual([]);
  });

  it('electron/ may not import React or renderer/', async () => {
    const one = async (file: string, code: string, reason: string) => {
      const messages = await lint(file, code);
      expect(messages, code).toHaveLength(1);
      expect(messages[0], code).toContain(reason);
    };
    await one('electron/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'electron/ must not import React');
    await one('electron/probe.ts', "import { Repositories } from '../renderer/db/repositories';\nexport const x = Repositories;\n", 'electron/ must not import renderer/.');
    await one('electron/ipc/probe.ts', "import { App } from '../../renderer/app/App';\nexport const x = App;\n", 'electron/ must not import renderer/.');
    expect(await lint('electron/probe.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });
});
