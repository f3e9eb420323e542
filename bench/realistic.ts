/**
 * Issue 17 item 1: the realistic B package (bench/realistic-project.ts, about 50 A4 pages) beside
 * the sample — layout, PDF, DOCX, sizes — and LibreOffice converting our own DOCX of it, in the
 * same run. The layout is timed cold: the paragraph and date caches are emptied before
 * each run, as after starting the app; a warm layout (what the preview does after a keystroke) is
 * its own row.
 */
import { performance } from 'node:perf_hooks';
import { clearParagraphCache } from '../shared/document/layout/paragraph';
import { clearRestyledDates } from '../shared/dates/date-style';
import type { FontSet } from '../shared/document/layout/types';
import { renderDocx } from '../shared/render/docx/render-docx';
import type { FontBytes } from '../shared/render/font-metrics';
import { packagePdf } from '../shared/render/package-files';
import type { Sample } from '../shared/samples/sample';
import { libreOfficeConvert } from './libreoffice';
import { REALISTIC, realisticPackage, realisticProject } from './realistic-project';

type Row = [string, string, string];

/** Targets of issue 17 item 1. */
const TARGET_RATIO = 20;
const TARGET_PDF_BYTES = 1024 * 1024;

async function median<T>(runs: number, fn: () => Promise<T> | T, before?: () => void): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  if (value === undefined) throw new Error('no run');
  return { ms: times[Math.floor(times.length / 2)] ?? 0, value };
}

export async function realisticRows(sample: Sample, fonts: FontBytes, metrics: FontSet, runs: number): Promise<{ rows: Row[]; notes: string[] }> {
  const data = realisticProject(sample, '2027-01-01T00:00:00.000Z');
  const layout = await median(runs, () => realisticPackage(data, metrics), () => {
    clearParagraphCache(metrics);
    clearRestyledDates();
  });
  const warm = await median(runs, () => realisticPackage(data, metrics));
  const doc = layout.value;
  const pdf = await median(runs, () => packagePdf(doc, fonts, new Date('2027-04-05T00:00:00Z')));
  const docx = await median(runs, () => renderDocx(doc.model, { fonts: metrics }));
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const pages = doc.laidOut.pages.length;
  const what = `${pages} pages: 様式第3号 ${doc.laidOut.sectionPageCounts[doc.forms.findIndex((f) => f.id === 'besshi1/yoshiki3') + 1] ?? '?'}, ${REALISTIC.sites} sites, ${REALISTIC.products} products, ${REALISTIC.people} staff`;
  const rows: Row[] = [
    [`realistic package layout, cold (${what})`, `${layout.ms.toFixed(1)} ms`, ''],
    ['  the same laid out again (paragraphs cached: the preview after a keystroke)', `${warm.ms.toFixed(1)} ms`, ''],
    [`realistic package PDF (streams by Node's zlib, as the CLI; 目標 < ${kb(TARGET_PDF_BYTES)}${pdf.value.byteLength < TARGET_PDF_BYTES ? '' : ' 未達'})`, `${pdf.ms.toFixed(1)} ms`, kb(pdf.value.byteLength)],
    ['realistic package DOCX', `${docx.ms.toFixed(1)} ms`, kb(docx.value.byteLength)],
  ];
  const lo = libreOfficeConvert(docx.value, 3);
  if (!lo.ok) return { rows, notes: [lo.note, 'ratio (realistic package): not measured (no LibreOffice)'] };
  const ratio = lo.ms / (layout.ms + pdf.ms);
  rows.push([`LibreOffice DOCX → PDF of the realistic package (${lo.pages} pages, warm, median of 3)`, `${lo.ms.toFixed(0)} ms`, '']);
  return { rows, notes: [`ratio (realistic package): ${ratio.toFixed(1)} ×   (LibreOffice ÷ our cold layout + PDF, medians, same run; 目標 ≥ ${TARGET_RATIO} ×${ratio >= TARGET_RATIO ? '' : ' 未達'})`] };
}
