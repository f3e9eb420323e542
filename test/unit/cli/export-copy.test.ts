/**
 * Issue 15 item 6: `npm run -s export -- <file> --copy submission` writes a 作成中 filing's 提出用
 * copy (no 「推定様式」 label or note, no 案); without the option (or with `draft`) it writes the
 * draft as before. A filed filing is written as sent either way.
 */
import { describe, expect, it } from 'vitest';
import { runExport, type ExportIo } from '../../../cli/export';
import { envelopeJson, makeEnvelope } from '../../../shared/io/envelope';
import { sampleWorkspaceData } from '../../../shared/samples/sample-export';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf } from '../../helpers/pdf';
import { loadSample } from '../../helpers/sample';

function memoryIo(inputs: Record<string, Uint8Array>): ExportIo & { readonly written: Map<string, Uint8Array> } {
  const written = new Map<string, Uint8Array>();
  return {
    written,
    readFile: (p) => {
      const b = inputs[p];
      if (!b) throw new Error(`no ${p}`);
      return b;
    },
    writeFile: (p, bytes) => void written.set(p, bytes),
    fonts: () => bundledFonts(),
  };
}

const file = new TextEncoder().encode(envelopeJson(makeEnvelope('project', sampleWorkspaceData(loadSample(), 'p1', '2027-01-10T00:00:00.000Z'), '0.1.0', '2027-01-10T00:00:00.000Z')));

async function packageText(args: readonly string[]): Promise<string> {
  const io = memoryIo({ 'project.json': file });
  const out = await runExport(['project.json', '--out', 'OUT', '--today', '2027-04-05', ...args], io);
  expect(out.code, out.stderr).toBe(0);
  const pdf = [...io.written.entries()].find(([p]) => p.endsWith('.pdf'));
  if (!pdf) throw new Error('no PDF written');
  return (await readPdf(pdf[1])).pages.map((p) => p.text).join('\n');
}

describe('npm run -s export --copy (issue 15 item 6)', () => {
  it('writes the 提出用 copy with no 推定様式 and no 案; the draft (the default) keeps the 推定様式 note', async () => {
    const submission = await packageText(['--copy', 'submission']);
    expect(submission.replace(/案内/g, '')).not.toMatch(/案|推定様式/);
    expect(await packageText([])).toContain('推定様式');
    expect(await packageText(['--copy=draft'])).toContain('推定様式');
  });

  it('refuses another value with a Japanese message', async () => {
    const out = await runExport(['project.json', '--out', 'OUT', '--copy', 'final'], memoryIo({ 'project.json': file }));
    expect(out).toMatchObject({ code: 2, stderr: expect.stringContaining('--copy は draft（下書き）か submission（提出用）') as unknown });
  });
});
