/**
 * Issue 13 item 5, spec §3.18 and §6: a technology is a 先進医療 or a 患者申出療養 (the project's 制度).
 * A 患者申出療養's 変更申請 prints 【患者申出療養告示番号と名称】, its own title and, first, its cover
 * sheet; a 先進医療's prints as before. Projects written before the 制度 existed read as 先進医療.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANGE_DOCUMENT_TITLE,
  PATIENT_PROPOSED_CHANGE_TITLE,
  PATIENT_PROPOSED_NOTICE_HEADING,
  changeDocument,
  changeHeadings,
  patientProposedCoverText,
} from '../../../shared/changes/change-document';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { documentText } from '../../../shared/document/model';
import { filedCopySchema, parseResolved, type ResolvedFiling } from '../../../shared/filings/as-filed';
import type { ChangeDoc } from '../../../shared/filings/filing-doc';
import { projectRowSchema } from '../../../shared/io/records';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { libreOfficeToPdf } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { PERIOD_AFTER, PERIOD_BEFORE, baseline, working } from './fixture';

const { bytes, metrics } = bundledFonts();
const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const tables = (file: string): Record<string, unknown[]> => (JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as { tables: Record<string, unknown[]> }).tables;

const COVER = '架空大学医学部附属病院による患者申出療養「ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術」について、別紙の通り提出されている研究実施計画の変更を承認して良いか、ご確認いただきたい。';

const DOC: ChangeDoc = {
  kind: 'change',
  baselineFilingId: 'filing-approved',
  items: [{ id: 'item-period', sourceIds: ['besshi1/yoshiki3/period'], text: '予定研究期間の延長', before: PERIOD_BEFORE, after: PERIOD_AFTER, reason: '登録が遅れているため。', approval: { committeeId: 'sample-committee', date: '2028-09-10' } }],
  registration: { count: '2症例', asOf: '2028-09-30' },
  summary: '',
};

/** The sample's change filing, as a 患者申出療養 (or not), with a 告示番号 in force on the 届出日. */
function workingAs(scheme: '先進医療' | '患者申出療養'): ResolvedFiling {
  const w = working();
  return { ...w, project: { ...w.project, scheme, notices: [{ id: 'n1', number: '５', validFrom: '2027-06-01', note: '' }] } };
}

describe('制度 (先進医療 / 患者申出療養) of a project', () => {
  it('projects stored and filed before the 制度 existed read as 先進医療 (schema 3 and 4 databases, an as-filed copy)', () => {
    const rows = [...(tables('v0.1.0/indexeddb-v3.json').projects ?? []), ...(tables('schema4-format2/indexeddb-v4.json').projects ?? [])];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(row).not.toHaveProperty('scheme');
      expect(projectRowSchema.parse(row).scheme).toBe('先進医療');
    }
    const copies = tables('schema4-format2/indexeddb-v4.json').filedCopies ?? [];
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(parseResolved(filedCopySchema.parse(copy))?.project.scheme).toBe('先進医療');
  });

  it('keeps 患者申出療養 through a save and refuses a 制度 that does not exist', () => {
    const row = projectRowSchema.parse({ ...(tables('schema4-format2/indexeddb-v4.json').projects ?? [])[0] as object, scheme: '患者申出療養' });
    expect(projectRowSchema.parse(JSON.parse(JSON.stringify(row))).scheme).toBe('患者申出療養');
    expect(projectRowSchema.safeParse({ ...row, scheme: '先進医療A' }).success).toBe(false);
  });
});

describe('変更申請 of a 患者申出療養 (§3.18: cover sheet, 【患者申出療養告示番号と名称】)', () => {
  const model = changeDocument(DOC, workingAs('患者申出療養'), baseline());

  it('PDF: the cover sheet alone on page 1, unnumbered; then the title, the 患者申出療養 headings in order, the 告示番号 and name', async () => {
    const pdf = await renderPdf(layoutDocument(model, metrics), bytes, { title: model.title, createdAt: new Date('2028-10-01T00:00:00Z') });
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const [cover, first] = pages;
    expect(squash(cover?.text ?? '')).toBe(squash(COVER));

    const rest = squash(pages.slice(1).map((p) => p.bodyText).join(''));
    expect(rest.startsWith(PATIENT_PROPOSED_CHANGE_TITLE)).toBe(true);
    // Its pages are numbered from 1 after the cover.
    expect(squash(first?.text ?? '').endsWith('1')).toBe(true);
    const headings = changeHeadings('患者申出療養');
    expect(headings).toContain(PATIENT_PROPOSED_NOTICE_HEADING);
    const at = headings.map((h) => rest.indexOf(squash(h)));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(rest).toContain(squash(`${PATIENT_PROPOSED_NOTICE_HEADING}大臣告示番号　５ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術【適応症】`));
    const all = squash(pages.map((p) => p.text).join(''));
    expect(all).not.toContain('先進医療告示番号');
    expect(all).not.toContain(CHANGE_DOCUMENT_TITLE);
  }, 60_000);

  it('Word: LibreOffice prints the cover sheet on a page of its own, then the document', async () => {
    const docx = await renderDocx(model, { fonts: metrics });
    const pages = (await readPdf(libreOfficeToPdf(docx))).pages.map((p) => squash(p.text));
    expect(pages[0]).toContain(squash(COVER));
    expect(pages[0]).not.toContain(PATIENT_PROPOSED_CHANGE_TITLE);
    expect(pages[1]).toContain(PATIENT_PROPOSED_CHANGE_TITLE);
    expect(pages.join('')).toContain(squash(PATIENT_PROPOSED_NOTICE_HEADING));
    expect(pages.join('')).not.toContain('先進医療告示番号');
  }, 120_000);

  it('the cover names the 申請医療機関 and the technology as printed; a name not written yet says so', () => {
    expect(patientProposedCoverText('架空大学医学部附属病院', 'ＩＣＧ蛍光法を用いたセンチネルリンパ節生検併用縮小胃切除術')).toBe(COVER);
    const w = workingAs('患者申出療養');
    const unnamed = changeDocument(DOC, { ...w, project: { ...w.project, technologyName: '' } }, baseline());
    expect(documentText({ ...unnamed, sections: unnamed.sections.slice(0, 1) })).toBe('架空大学医学部附属病院による患者申出療養「（未記入）」について、別紙の通り提出されている研究実施計画の変更を承認して良いか、ご確認いただきたい。');
  });

  it('a 先進医療 prints as before: no cover sheet, 「先進医療Bの試験実施計画の変更について」 and 【先進医療告示番号と名称】', () => {
    const b = changeDocument(DOC, workingAs('先進医療'), baseline());
    expect(b.title).toBe(CHANGE_DOCUMENT_TITLE);
    expect(b.sections).toHaveLength(1);
    const text = squash(documentText(b));
    expect(text.startsWith(CHANGE_DOCUMENT_TITLE)).toBe(true);
    expect(text).toContain('【先進医療告示番号と名称】大臣告示番号５');
    expect(text).not.toContain('患者申出療養');
  });
});
