import { describe, expect, it } from 'vitest';
import { RULES, checkSubmission, checkWithFonts, evaluate } from '../../../shared/rules';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { yoshiki11 } from '../../../shared/forms/besshi1/yoshiki1';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { FIT_CHARS_PER_LINE, FIT_LINES, TEXT_FIT_LIMIT, fullWidthLength, glyphCoverage, kishuReplacement, preflightRules, typedStrings } from '../../../shared/rules/catalog/preflight';
import type { Submission } from '../../../shared/rules/submission';
import type { Finding } from '../../../shared/rules/types';
import { sampleSubmission } from '../../../shared/samples/sample';
import { renderPdf } from '../../../shared/render/pdf/render-pdf';
import { bundledFonts } from '../../helpers/fonts';
import { pdfLines } from '../../helpers/pdf-lines';
import { loadSample } from '../../helpers/sample';

const base = sampleSubmission(loadSample());
const glyphs = glyphCoverage(bundledFonts().metrics);
const Y1 = 'besshi1/yoshiki1-1';
const Y2 = 'besshi1/yoshiki2';
const Y3 = 'besshi1/yoshiki3';
const Y9 = 'besshi1/yoshiki9';

/** The sample with one answer changed. */
function withAnswer(formId: string, key: string, value: unknown, s: Submission = base): Submission {
  const forms = new Map(s.forms);
  forms.set(formId, { ...(s.forms.get(formId) ?? {}), [key]: value });
  return { ...s, forms };
}

/** The sample with one cell of a table changed (row 0 is added if the table is empty). */
function withCell(formId: string, key: string, row: number, column: string, value: string): Submission {
  const rows = base.forms.get(formId)?.[key];
  const next: Array<Record<string, unknown>> = Array.isArray(rows) ? rows.map((r: Record<string, unknown>) => ({ ...r })) : [];
  while (next.length <= row) next.push({});
  next[row] = { ...next[row], [column]: value };
  return withAnswer(formId, key, next);
}

const run = (s: Submission, id: string): Finding[] => evaluate(preflightRules(glyphs), s).filter((f) => f.ruleId === id);

describe('typed strings', () => {
  it('walks text, table cells, 要・不要 values, the 積算 names and the project name of the package', () => {
    const all = typedStrings(base);
    const docs = new Set(all.map((t) => t.location.doc));
    for (const id of [Y1, Y2, Y3, Y9, 'besshi1/yoshiki5', 'besshi1/yoshiki8-1', 'cost', 'project']) expect(docs.has(id), id).toBe(true);
    expect(all.some((t) => t.kind === 'table' && t.location.row !== undefined)).toBe(true);
    expect(all.some((t) => t.kind === 'requirement')).toBe(true);
    expect(all.some((t) => t.location.doc === 'project' && t.location.field === 'technologyName')).toBe(true);
    // Forms outside the package are not printed with it.
    expect(all.some((t) => t.location.doc.startsWith('besshi2/'))).toBe(false);
  });
});

describe('PRE-GLYPH', () => {
  it('builds the coverage from the bundled fonts: BIZ UD明朝 or the Noto Serif JP fallback', () => {
    for (const ch of ['先', '髙', '﨑', '𠮷', '①', '　', 'A']) expect(glyphs(ch.codePointAt(0) ?? 0), ch).toBe(true);
    expect(glyphs(0x10fffd)).toBe(false);
  });

  it('finds nothing in the sample with the real fonts', () => {
    expect(run(base, 'PRE-GLYPH')).toEqual([]);
    expect(checkWithFonts(base, glyphs).filter((f) => f.ruleId === 'PRE-GLYPH')).toEqual([]);
  });

  it('does not fire for rare characters the fallback prints (髙, 﨑, 𠮷)', () => {
    expect(run(withAnswer(Y1, 'clerkName', '総務課　髙﨑 𠮷子'), 'PRE-GLYPH')).toEqual([]);
  });

  it('names a character no bundled font has, and the field, as an エラー', () => {
    const hits = run(withAnswer(Y1, 'clerkName', '総務課　山田\u{10FFFD}子'), 'PRE-GLYPH');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.message).toContain('U+10FFFD');
    expect(hits[0]!.message).toContain('事務担当者の所属・氏名');
    expect(hits[0]!.locations).toEqual([expect.objectContaining({ doc: Y1, field: 'clerkName' })]);
  });

  it('points at the row of a table cell; checkWithFonts adds the rule to the catalogue', () => {
    const s = withCell(Y2, 'sites', 1, 'name', '\u{10FFFD}病院');
    const hits = checkWithFonts(s, glyphs).filter((f) => f.ruleId === 'PRE-GLYPH');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.locations[0]).toMatchObject({ doc: Y2, field: 'sites', row: 1 });
    expect(hits[0]!.message).toContain('2行目「医療機関名」');
    // Without the fonts there is no glyph check at all.
    expect(checkSubmission(s).some((f) => f.ruleId === 'PRE-GLYPH')).toBe(false);
  });
});

describe('PRE-KISHU', () => {
  it('suggests replacements for 機種依存文字, and leaves ①②, ℃ and JIS X 0208 symbols alone', () => {
    expect(kishuReplacement('㈱')).toBe('（株）');
    expect(kishuReplacement('㈲')).toBe('（有）');
    expect(kishuReplacement('㎎')).toBe('mg');
    expect(kishuReplacement('㎡')).toBe('m2');
    expect(kishuReplacement('Ⅳ')).toBe('IV');
    expect(kishuReplacement('ⅲ')).toBe('iii');
    expect(kishuReplacement('№')).toBe('No.');
    expect(kishuReplacement('℡')).toBe('TEL');
    expect(kishuReplacement('㍉')).toBe('ミリ');
    expect(kishuReplacement('㍻')).toBe('平成');
    expect(kishuReplacement('㊤')).toBe('（上）');
    expect(kishuReplacement('⑴')).toBe('(1)');
    for (const ch of ['①', '⑳', '℃', '≒', '∫', '√', '※', '〒', 'Ⅰ'.normalize('NFKC'), '髙']) expect(kishuReplacement(ch), ch).toBeUndefined();
  });

  it('does not fire on the sample (it numbers with ①②)', () => {
    expect(typedStrings(base).some((t) => t.text.includes('①'))).toBe(true);
    expect(run(base, 'PRE-KISHU')).toEqual([]);
  });

  it('fires as a 警告 naming the character, the field and the replacement', () => {
    const hits = run(withCell(Y2, 'sites', 0, 'name', '㈱メディカル病院'), 'PRE-KISHU');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.message).toContain('「㈱」→「（株）」');
    expect(hits[0]!.message).toContain('実施医療機関');
    expect(hits[0]!.locations[0]).toMatchObject({ doc: Y2, field: 'sites', row: 0 });
  });

  it('checks 要・不要 values and lists each character once', () => {
    const hits = run(withAnswer(Y9, 'instStaff', { need: '要', value: '薬剤師1名（投与量10㎎ごとに確認、㎎単位、Ⅳ期）' }), 'PRE-KISHU');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('「㎎」→「mg」、「Ⅳ」→「IV」');
    expect(hits[0]!.message.match(/㎎/g)).toHaveLength(1);
    expect(hits[0]!.locations[0]).toMatchObject({ doc: Y9, field: 'instStaff' });
  });
  it('checks the names typed into the 積算 (printed by 様式第7-1号・第7-2号)', () => {
    const materials = base.cost.materials.map((m, i) => (i === 0 ? { ...m, name: 'インドシアニングリーン 25㎎' } : m));
    const hits = run({ ...base, cost: { ...base.cost, materials } }, 'PRE-KISHU');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('「㎎」→「mg」');
    expect(hits[0]!.locations[0]).toMatchObject({ doc: 'cost', field: 'materials', row: 0 });
  });

  it('checks the master records the package prints (a picked committee member), not unused ones', () => {
    const committees = base.facts.masters.committees.map((c) => ({ ...c, members: c.members.map((m, i) => (i === 2 ? { ...m, position: '架空法律事務所㈱ 弁護士' } : m)) }));
    const unused = { id: 'unused', name: '使わない委員会㈱', type: '倫理審査委員会' as const, members: [] };
    const hits = run({ ...base, facts: { ...base.facts, masters: { ...base.facts.masters, committees: [...committees, unused] } } }, 'PRE-KISHU');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('「㈱」→「（株）」');
    expect(hits[0]!.locations[0]).toMatchObject({ doc: 'masters/committees', entryId: 'sample-committee' });
  });

  it('checks the 一部変更申請状況 of a picked 品目 (printed in 様式第3号 2-1 ④ from the master)', () => {
    const products = base.facts.masters.products.map((p) => (p.id === 'sample-product-icg' ? { ...p, partialChangeStatus: '架空製薬㈱に確認したところ、申請の予定なし。' } : p));
    const hits = run({ ...base, facts: { ...base.facts, masters: { ...base.facts.masters, products } } }, 'PRE-KISHU');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('「㈱」→「（株）」');
    expect(hits[0]!.locations[0]).toMatchObject({ doc: 'masters/products', entryId: 'sample-product-icg', field: 'partialChangeStatus' });
  });
});

describe('PRE-HANKANA', () => {
  it('does not fire on the sample or on full-width katakana', () => {
    expect(run(base, 'PRE-HANKANA')).toEqual([]);
    expect(run(withAnswer(Y3, 'period', 'ガーゼ交換を含め2027年4月～2030年3月'), 'PRE-HANKANA')).toEqual([]);
  });

  it('fires with the full-width replacement (voiced marks combined)', () => {
    const hits = run(withAnswer(Y3, 'period', 'ｶﾞｰｾﾞ交換を含め2027年4月～2030年3月'), 'PRE-HANKANA');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.message).toContain('「ｶﾞｰｾﾞ」→「ガーゼ」');
    expect(hits[0]!.message).toContain('予定試験期間');
  });

  it('checks the project name too', () => {
    const s: Submission = { ...base, project: { ...base.project, technologyName: 'ﾃｽﾄ療法' } };
    expect(run(s, 'PRE-HANKANA')[0]?.locations[0]).toMatchObject({ doc: 'project', field: 'technologyName' });
  });
});

describe('PRE-FIT', () => {
  /**
   * The lines 事務担当者の所属・氏名 (a one-line 'text' field in the 「項目 │ 内容」 table of 様式第1-1号)
   * takes in the PDF when it holds `value` (one character repeated, printed nowhere else on the
   * sheet), laid out and rendered with the bundled fonts.
   */
  async function printedLines(value: string): Promise<string[]> {
    const answers = yoshiki11.answers.parse({ ...base.forms.get(Y1), clerkName: value });
    const laid = layoutDocument({ title: 't', margins: FORM_MARGINS, sections: [yoshiki11.build(base.facts, answers)] }, bundledFonts().metrics);
    const pages = await pdfLines(await renderPdf(laid, bundledFonts().bytes, { title: 't' }));
    const ch = Array.from(value)[0] ?? '';
    // The label cell is centred beside the value, so it may share a baseline: keep the value's characters.
    const lines = pages.flat().map((l) => Array.from(l.text).filter((c) => c === ch).join('')).filter((l) => l !== '');
    expect(lines.join(''), 'every character printed').toBe(value);
    return lines;
  }

  it('takes its per-line count from the printed value column: that many full-width characters stay on one line, one more wraps', async () => {
    expect(FIT_CHARS_PER_LINE).toBeGreaterThan(10);
    expect(await printedLines('鬱'.repeat(FIT_CHARS_PER_LINE))).toHaveLength(1);
    expect(await printedLines('鬱'.repeat(FIT_CHARS_PER_LINE + 1))).toHaveLength(2);
    // ASCII counts half (fullWidthLength): twice as many half-width characters fit the same line.
    expect(await printedLines('Q'.repeat(FIT_CHARS_PER_LINE * 2))).toHaveLength(1);
    expect(fullWidthLength('abcd')).toBe(2);
    expect(fullWidthLength('先進')).toBe(2);
  });

  it('sets the limit at what fits in FIT_LINES printed lines: at the limit no finding, one more wraps again and gets PRE-FIT', async () => {
    const atLimit = '鬱'.repeat(TEXT_FIT_LIMIT);
    const past = '鬱'.repeat(TEXT_FIT_LIMIT + 1);
    expect(await printedLines(atLimit)).toHaveLength(FIT_LINES);
    expect(await printedLines(past)).toHaveLength(FIT_LINES + 1);
    expect(run(withAnswer(Y1, 'clerkName', atLimit), 'PRE-FIT')).toEqual([]);
    expect(run(withAnswer(Y1, 'clerkName', past), 'PRE-FIT')).toHaveLength(1);
  });

  it('does not fire on the sample, at the limit, on half-width text of the same width or on long text fields', () => {
    expect(run(base, 'PRE-FIT')).toEqual([]);
    expect(run(withAnswer(Y1, 'clerkName', 'あ'.repeat(TEXT_FIT_LIMIT)), 'PRE-FIT')).toEqual([]);
    expect(run(withAnswer(Y1, 'clerkEmail', 'a'.repeat(TEXT_FIT_LIMIT * 2)), 'PRE-FIT')).toEqual([]);
    expect(run(withAnswer(Y1, 'otherMeasures', 'あ'.repeat(2000)), 'PRE-FIT')).toEqual([]);
  });

  it('fires as a 警告 on a one-line field past the limit, saying it will wrap', () => {
    const hits = run(withAnswer(Y1, 'clerkName', 'あ'.repeat(TEXT_FIT_LIMIT + 1)), 'PRE-FIT');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.message).toContain(`${TEXT_FIT_LIMIT + 1}文字`);
    expect(hits[0]!.message).toContain('折り返し');
    expect(hits[0]!.locations).toEqual([expect.objectContaining({ doc: Y1, field: 'clerkName' })]);
  });
});

describe('catalogue', () => {
  it('RULES holds PRE-KISHU, PRE-HANKANA, PRE-FIT and PRE-XMLCHAR; PRE-GLYPH only with a coverage predicate', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of ['PRE-KISHU', 'PRE-HANKANA', 'PRE-FIT', 'PRE-XMLCHAR']) expect(ids.has(id), id).toBe(true);
    expect(ids.has('PRE-GLYPH')).toBe(false);
    expect(preflightRules().map((r) => r.id)).toEqual(['PRE-KISHU', 'PRE-HANKANA', 'PRE-FIT', 'PRE-XMLCHAR']);
    expect(preflightRules(glyphs).map((r) => r.id)).toEqual(['PRE-GLYPH', 'PRE-KISHU', 'PRE-HANKANA', 'PRE-FIT', 'PRE-XMLCHAR']);
  });

  it('the sample has no preflight findings at all', () => {
    expect(checkWithFonts(base, glyphs).filter((f) => f.ruleId.startsWith('PRE-'))).toEqual([]);
  });
});
