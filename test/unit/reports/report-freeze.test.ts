/**
 * Issue 14 item 1: a 定期報告 prints and freezes like a 変更申請 — 「…_定期報告（令和７年度）」 as PDF and
 * Word, the same bytes each time it is made from the same data (so the copy kept at 提出済み
 * re-prints byte-identical), and a clear refusal when its 年度 or its document is missing.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FiledFile } from '../../../shared/filings/as-filed';
import { filingSchema, PRINTABLE_KINDS } from '../../../shared/filings/filing';
import { filedBytes } from '../../../shared/filings/files';
import { FilingNotPrintable, freezeContext, freezeFiling, REPORT_ADDRESSEE } from '../../../shared/filings/freeze';
import { TEMPLATE_SETS } from '../../../shared/filings/template-sets';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { docxText } from '../../helpers/docx';
import { FISCAL_YEAR, periodicReport, reportWorking, zeroReport } from '../../helpers/report-docs';

const fonts = bundledFonts();
const AT = '2025-08-25T09:00:00.000Z';
const TECH = reportWorking().project.technologyName;

const pdfText = async (f: FiledFile | undefined): Promise<string> => {
  if (!f) throw new Error('no such file');
  return squash((await readPdf(filedBytes(f))).pages.map((p) => p.text).join(''));
};

describe('freezing a 定期報告 (令和７年度)', () => {
  it('定期報告 and 総括報告 are printable kinds', () => {
    expect(PRINTABLE_KINDS.has('periodic-report')).toBe(true);
    expect(PRINTABLE_KINDS.has('final-report')).toBe(true);
  });

  it('writes 「…_定期報告（令和７年度）」 PDF and Word with the totals, addressed to the 地方厚生（支）局長', async () => {
    const copy = await freezeFiling(reportWorking({ doc: periodicReport() }), 'rep-1', fonts, AT, TEMPLATE_SETS, { fiscalYear: FISCAL_YEAR });
    expect(copy.files.map((f) => f.name)).toEqual([`${TECH}_定期報告（令和７年度）.pdf`, `${TECH}_定期報告（令和７年度）.docx`]);
    expect(copy.addressee).toBe(REPORT_ADDRESSEE);
    expect(copy.files[0]?.pages).toBeGreaterThanOrEqual(2);
    const pdf = await pdfText(copy.files[0]);
    expect(pdf).toContain('先進医療に係る定期・総括報告書');
    expect(pdf).toContain('合計（１２例）');
    expect(pdf).toContain('16,627,710');
    const docx = squash(await docxText(filedBytes(copy.files[1] as FiledFile)));
    expect(docx).toContain('16,627,710');
  });

  it('the same resolved data freezes to the same PDF bytes and the same Word content; a changed case does not', async () => {
    const resolved = reportWorking({ doc: periodicReport() });
    const a = await freezeFiling(resolved, 'rep-1', fonts, AT, TEMPLATE_SETS, { fiscalYear: FISCAL_YEAR });
    const b = await freezeFiling(structuredClone(resolved), 'rep-1', fonts, AT, TEMPLATE_SETS, { fiscalYear: FISCAL_YEAR });
    expect(b.files[0]?.sha256).toBe(a.files[0]?.sha256);
    // Word: every part the same; docProps/core.xml carries the time the file was written (the docx
    // library's dcterms:created), so the Word bytes of two freezes differ there only. The copy kept
    // at 提出済み is what re-prints, so a filed report's Word file is still byte-identical.
    const parts = (f: FiledFile | undefined): Record<string, string> => {
      if (!f) throw new Error('no such file');
      const all = unzipSync(filedBytes(f));
      return Object.fromEntries(Object.entries(all).filter(([name]) => name !== 'docProps/core.xml').map(([name, bytes]) => [name, strFromU8(bytes)]));
    };
    expect(parts(b.files[1])).toEqual(parts(a.files[1]));
    const doc = periodicReport();
    const changed = await freezeFiling(reportWorking({ doc: { ...doc, cases: doc.cases.map((c, i) => (i === 0 ? { ...c, inpatientDays: 11 } : c)) } }), 'rep-1', fonts, AT, TEMPLATE_SETS, { fiscalYear: FISCAL_YEAR });
    expect(changed.files[0]?.sha256).not.toBe(a.files[0]?.sha256);
  });

  it('a 0件 report freezes with its two texts', async () => {
    const copy = await freezeFiling(reportWorking({ doc: zeroReport() }), 'rep-0', fonts, AT, TEMPLATE_SETS, { fiscalYear: FISCAL_YEAR });
    expect(await pdfText(copy.files[0])).toContain('０件の理由：対象となる患者の紹介がなかったため。');
  });

  it('a 総括報告 is 「…_総括報告」', async () => {
    const doc = { ...periodicReport(), kind: 'final-report' as const };
    const copy = await freezeFiling(reportWorking({ kind: 'final-report', doc }), 'fin-1', fonts, AT, TEMPLATE_SETS, {});
    expect(copy.files.map((f) => f.name)).toEqual([`${TECH}_総括報告.pdf`, `${TECH}_総括報告.docx`]);
  });

  it('refuses, saying why, without its 年度 or without its document', async () => {
    await expect(freezeFiling(reportWorking({ doc: periodicReport() }), 'rep-1', fonts, AT, TEMPLATE_SETS, {})).rejects.toThrow(new FilingNotPrintable('定期報告の年度がわからないため、書類を作成できません。'));
    await expect(freezeFiling(reportWorking(), 'rep-1', fonts, AT, TEMPLATE_SETS, { fiscalYear: FISCAL_YEAR })).rejects.toThrow(FilingNotPrintable);
  });

  it('freezeContext carries the filing’s 年度', () => {
    const filing = filingSchema.parse({ id: 'rep-1', projectId: 'sample', kind: 'periodic-report', fiscalYear: FISCAL_YEAR, status: 'draft', templateSetId: '', createdAt: AT, updatedAt: AT });
    expect(freezeContext({ filedCopies: [], filingDocs: [] }, filing)).toEqual({ fiscalYear: FISCAL_YEAR });
  });
});
