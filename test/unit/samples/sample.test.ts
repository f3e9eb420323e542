import { describe, expect, it } from 'vitest';
import { missingRequired } from '../../../shared/forms/field';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { FORMS } from '../../../shared/forms/registry';
import { parseSample } from '../../../shared/samples/sample';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { docxText } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { loadSample, printedStrings, sampleFacts } from '../../helpers/sample';

describe('the sample project', () => {
  const sample = loadSample();
  const facts = sampleFacts(sample);

  it('fills every one of the 14 forms, with no required item missing for 先進医療B', () => {
    expect([...sample.forms.keys()].sort()).toEqual(FORMS.map((f) => f.id).sort());
    for (const f of FORMS) expect(missingRequired(f.answers, sample.forms.get(f.id) ?? {}, 'B').map((x) => x.meta.label), f.number).toEqual([]);
  });

  it('prints every field value of every form in the PDF and in the Word file', async () => {
    const { bytes, metrics } = bundledFonts();
    const all = { id: 'new-b' as const, label: '全様式', formIds: FORMS.map((f) => f.id), addressee: '厚生労働大臣', copies: undefined };
    const doc = buildPackageDocument(all, facts, (f) => sample.forms.get(f.id) ?? f.empty(), metrics, { draft: false });
    const pdf = await readPdf(await renderPdf(doc.laidOut, bytes, { title: 'sample', bookmarks: doc.bookmarks }));
    const pdfText = squash(pdf.pages.map((p) => p.bodyText).join(''));
    const wordText = squash(await docxText(await renderDocx(doc.model)));
    const expected = [...printedStrings(sample), facts.technologyName, facts.indication, facts.institution?.name ?? '（なし）', facts.institution?.founderName ?? '（なし）', '消化器外科 教授 髙橋 誠一'];
    expect(expected.length).toBeGreaterThan(150);
    for (const s of expected) {
      expect(pdfText.includes(squash(s)), `PDF: ${s}`).toBe(true);
      expect(wordText.includes(squash(s)), `Word: ${s}`).toBe(true);
    }
  }, 60_000);

  it('refuses a sample with an unknown form or invalid answers, as a whole', () => {
    const raw = JSON.parse(JSON.stringify({ format: 'senshin-desk/sample', formatVersion: 1, project: sample.project, consultation: sample.consultation, cost: sample.cost, forms: { 'besshi9/x': {} } })) as unknown;
    expect(parseSample(raw)).toEqual({ ok: false, message: 'サンプルに不明な様式（besshi9/x）があります。' });
    expect(parseSample({ format: 'other' }).ok).toBe(false);
  });
});
