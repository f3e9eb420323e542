// `node scripts/jisseki-image.mjs`: docs/jisseki.png, the README's image of a 別添 実績報告 — the
// page of the sample's 定期報告（令和10年度） that starts with 「様式第1号（別添）」, as written by
// `npm run -s export -- --sample` and rendered by pdftoppm at 80 dpi.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const out = '.tmp/jisseki-export';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(process.execPath, ['scripts/export.mjs', '--sample', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
const dir = path.join(out, 'sample');
const pdf = readdirSync(dir)
  .flatMap((filing) => readdirSync(path.join(dir, filing)).map((name) => path.join(dir, filing, name)))
  .find((file) => file.endsWith('_定期報告（令和10年度）.pdf'));
if (!pdf) throw new Error('the sample has no 定期報告（令和10年度）');
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
const page = Array.from({ length: pages }, (_, i) => i + 1).find((n) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).trimStart().startsWith('様式第1号（別添）'));
if (page === undefined) throw new Error('no 別添 実績報告 page');
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, '.tmp/jisseki']);
renameSync('.tmp/jisseki.png', 'docs/jisseki.png');
rmSync(out, { recursive: true, force: true });
console.log(`docs/jisseki.png（${path.basename(pdf)} の${page}ページ）`);
