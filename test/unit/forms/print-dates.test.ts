/**
 * Issue 12: 和暦 with full-width digits in the form headers but 西暦 with ASCII digits inside 様式第3号.
 * One date format per document, as the 記載要領's forms use it (R-F-4): every date a package prints —
 * the app's and those typed in prose and table cells, in 和暦 or 西暦, ASCII or full-width — in 和暦
 * with full-width digits.
 */
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../../shared/document/model';
import { fieldsOf } from '../../../shared/forms/field';
import { buildJizenSoudanDocument } from '../../../shared/forms/jizen-soudan/layout';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { PACKAGES } from '../../../shared/forms/packages';
import { FORMS } from '../../../shared/forms/registry';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { renderDocx } from '../../../shared/render/docx/render-docx';
import { docxXml } from '../../helpers/docx';
import { bundledFonts } from '../../helpers/fonts';
import { filledPrint } from '../../helpers/jizen-fixture';
import { sampleWith } from '../../helpers/rules';

const { metrics } = bundledFonts();

/** Dates as a reader sees them, written independently of the app: 和暦 or 4-digit years, 月日, slashes. */
const DATE = /(?:令和|平成|昭和)\s?(?:[0-9０-９]{1,2}|元)\s?年(?:\s?[0-9０-９]{1,2}\s?月(?:\s?[0-9０-９]{1,2}\s?日)?)?|(?<![0-9０-９])[0-9０-９]{4}\s?年(?:\s?[0-9０-９]{1,2}\s?月(?:\s?[0-9０-９]{1,2}\s?日)?)?|(?<![0-9０-９])[0-9０-９]{1,2}\s?月\s?[0-9０-９]{1,2}\s?日|[0-9０-９]{4}[/／.．-][0-9０-９]{1,2}[/／.．-][0-9０-９]{1,2}/g;

/** 「和暦・全角」「西暦・半角」「月日・全角」…: how one printed date is written. */
function formatOf(date: string): string {
  const era = /^(令和|平成|昭和)/.test(date) ? '和暦' : /^[0-9０-９]{4}/.test(date) ? '西暦' : '月日';
  const digits = /[0-9]/.test(date) ? (/[０-９]/.test(date) ? '混在' : '半角') : '全角';
  return `${era}・${digits}`;
}

/** The formats a document written as MHLW forms are may hold: 和暦, and a 月日 without year, in full-width digits. */
const FORM_FORMATS = ['和暦・全角', '月日・全角'];

function expectFormDates(dates: readonly string[], what: string): void {
  const wrong = dates.filter((d) => !FORM_FORMATS.includes(formatOf(d)));
  expect(wrong, `${what}: ${dates.join(' ')}`).toEqual([]);
  expect(dates.map(formatOf), what).toContain('和暦・全角');
}

/** Every text run of a document, in order (cells too). */
function runs(doc: DocumentModel): string[] {
  const out: string[] = [];
  const visit = (b: Block): void => {
    if (b.type === 'paragraph') out.push(...b.runs.map((r) => r.text));
    else if (b.type === 'table') for (const row of b.rows) for (const c of row.cells) c.blocks.forEach(visit);
  };
  for (const s of doc.sections) s.blocks.forEach(visit);
  return out;
}

function datesIn(texts: readonly string[]): string[] {
  return texts.flatMap((t) => [...t.matchAll(DATE)].map((m) => m[0]));
}

/** The sample as typed by real users: 西暦 and 和暦, ASCII and full-width digits, in prose and in table cells. */
const typed = sampleWith({
  forms: {
    'besshi1/yoshiki3': { overseas: '米国FDAは2023/6/1に承認（令和5年6月1日）。欧州は２０２４年３月１５日にCEマークを取得。' },
    'besshi1/yoshiki5': { outline: '令和8年4月から登録を開始し、2029年3月31日までに40例を登録する。' },
    'besshi1/yoshiki8-1': { other: '日本外科学会の認定施設（平成22年5月1日認定）' },
    'besshi1/yoshiki2': {
      sites: [{ role: '協力医療機関', name: '架空市立総合病院', department: '外科', physician: '部長 𠮷田 太郎', duty: '外科当直医師 1名', safety: '医療安全委員会 2026年10月1日設置、月1回開催' }],
    },
    'besshi2/yoshiki9': { documents: '契約書（2027-03-01締結）\n検査依頼書の雛型' },
  },
  packageId: 'outsourcing',
});

describe('every date of a printed package in one format (R-F-4)', () => {
  it('prints the sample package with typed 西暦・和暦 dates all in 和暦 with full-width digits, as the 様式 headers', () => {
    for (const pkg of PACKAGES) {
      const doc = buildPackageDocument(pkg, typed.facts, (f) => typed.forms.get(f.id) ?? f.empty(), metrics, { draft: false });
      const dates = datesIn(runs(doc.model));
      // Not vacuous: the 提出年月日 (様式第1-1号) and dates typed in the forms are there.
      expect(dates, pkg.id).toContain('令和９年４月５日');
      expect(dates.length, pkg.id).toBeGreaterThanOrEqual(4);
      expectFormDates(dates, pkg.id);
    }
  });

  it('keeps the day each typed date names (様式第3号 and 第2号 of the sample)', () => {
    const doc = buildPackageDocument(PACKAGES[3]!, typed.facts, (f) => typed.forms.get(f.id) ?? f.empty(), metrics, { draft: false });
    const text = runs(doc.model).join('\n');
    for (const d of ['令和１９年６月３０日', '令和７年４月１０日～４月２０日', '令和５年６月１日', '令和６年３月１５日', '令和１１年３月３１日', '平成２２年５月１日', '令和８年１０月１日', '令和９年３月１日', '令和９年２月１５日', '令和９年４月５日']) {
      expect(text).toContain(d);
    }
    // Durations and counts next to them are not dates and stay as typed.
    expect(text).toContain('登録期間5年、追跡期間5年');
  });

  it('writes the same dates into the Word file', async () => {
    const doc = buildPackageDocument(PACKAGES[1]!, typed.facts, (f) => typed.forms.get(f.id) ?? f.empty(), metrics, { draft: false });
    // Paragraph by paragraph: table cells side by side must not run together into a 「…0005年」.
    const xml = await docxXml(await renderDocx(doc.model, { draft: false }));
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''));
    expectFormDates(datesIn(paragraphs), 'Word');
    expect(paragraphs.join('\n')).toContain('令和１９年６月３０日');
  });

  it('every 様式 prints a 西暦 date typed into any of its text fields or table cells in the document\'s style', () => {
    for (const form of FORMS) {
      const filled: Record<string, unknown> = { ...form.empty() };
      for (const { key, meta } of fieldsOf(form.answers)) {
        if (meta.kind === 'text' || meta.kind === 'longtext') filled[key] = '2025年4月10日';
        else if (meta.kind === 'table') filled[key] = [Object.fromEntries((meta.columns ?? []).map((c) => [c.key, '2025/4/10']))];
        else if (meta.kind === 'requirement') filled[key] = { need: '要', value: '2025年4月10日' };
      }
      const answers = form.answers.parse(filled);
      const doc = { title: '', margins: FORM_MARGINS, sections: [form.build(typed.facts, answers)] };
      const dates = datesIn(runs(doc));
      expect(dates.length, form.number).toBeGreaterThan(0);
      expectFormDates(dates, form.id);
    }
  });

  it('prints the 事前相談申込書 (an MHLW sheet) in the same format, its typed dates too', () => {
    const doc = buildJizenSoudanDocument(filledPrint({ products: '一般名：パクリタキセル（2024年6月1日 適応外使用の公知申請）' }), metrics);
    const dates = datesIn(runs(doc.model));
    expect(dates.length).toBeGreaterThanOrEqual(4);
    expectFormDates(dates, '事前相談申込書');
  });
});
