/**
 * LibreOffice's DOCX → PDF conversion of one of our Word files, as the reference the bench compares
 * our layout + PDF with: a warm conversion (the first start creates the private profile), timed once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export type LibreOfficeRun = { readonly ok: true; readonly ms: number; readonly pages: string } | { readonly ok: false; readonly note: string };

/** Median of `runs` warm conversions (at least 1). */
export function libreOfficeConvert(docx: Uint8Array, runs = 1): LibreOfficeRun {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
  } catch {
    return { ok: false, note: 'LibreOffice (soffice) not installed: skipped' };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'senshin-bench-'));
  try {
    const file = path.join(dir, 'package.docx');
    writeFileSync(file, docx);
    const profile = `-env:UserInstallation=file://${dir}/profile`;
    const convert = (): void => void execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe' });
    convert();
    const times: number[] = [];
    for (let i = 0; i < Math.max(1, runs); i++) {
      const s = performance.now();
      convert();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const info = execFileSync('pdfinfo', [path.join(dir, 'package.pdf')]).toString();
    return { ok: true, ms: times[Math.floor(times.length / 2)] ?? 0, pages: /Pages:\s+(\d+)/.exec(info)?.[1] ?? '?' };
  } catch (e) {
    return { ok: false, note: `LibreOffice failed: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : 'error'}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
