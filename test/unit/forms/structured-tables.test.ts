/**
 * Issue 15 item 8: 様式第6号's 保険外併用療養費分の内訳 as rows of 点数 items with a computed 合計 that
 * must equal the stated amount (R-C-6), and 様式第3号 7-2's 実績症例 as two tables. Old answers (the
 * free text of template version 1) keep opening and printing, every value intact.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../shared/document/model';
import { yoshiki3 } from '../../../shared/forms/besshi1/yoshiki3';
import { yoshiki6 } from '../../../shared/forms/besshi1/yoshiki6';
import { insuredSummary, insuredTotal, readCount } from '../../../shared/forms/besshi1/yoshiki6/insured-items';
import { FORM_MARGINS, type FormDefinition } from '../../../shared/forms/definition';
import { readAnswers } from '../../../shared/forms/versioning';
import { sampleFacts } from '../../../shared/samples/sample';
import { evaluate } from '../../../shared/rules/engine';
import { caseRecordRules } from '../../../shared/rules/catalog/case-records';
import { findingsOf, sampleWith } from '../../helpers/rules';
import { loadSample } from '../../helpers/sample';

const Y3 = 'besshi1/yoshiki3';
const Y6 = 'besshi1/yoshiki6';

const printed = (form: FormDefinition, answers: Readonly<Record<string, unknown>>): string =>
  documentText({ title: 't', margins: FORM_MARGINS, sections: [form.build(sampleFacts(loadSample()), { ...form.empty(), ...answers })] });

/** A 内訳 typed as on a hospital PC: full-width digits, full-width commas, units. */
const SURGERY = [
  { part: '手術', item: 'K655-2 腹腔鏡下胃切除術（単純切除術）', points: '６４，１２０点', times: '１回' },
  { part: '入院', item: 'A100 急性期一般入院料1', points: '1,650点', times: '10日' },
  { part: '', item: '', points: '', times: '' },
];
/** 64,120 + 16,500 = 80,620点 = 806,200円: 保険者 564,340円 + 一部負担金 241,860円. */
const STATED = { insurerShare: '５６４，３４０円', copayment: '241,860' };

describe('reading 点数 and 回数 as typed', () => {
  it('reads full-width digits, commas and units (「１，２５０点」「2回」「10日」)', () => {
    expect(readCount('１，２５０点', '点数')).toEqual({ ok: true, value: 1250 });
    expect(readCount('2回', '回数')).toEqual({ ok: true, value: 2 });
    expect(readCount(' 10日 ', '回数')).toEqual({ ok: true, value: 10 });
    expect(readCount('1650', '点数')).toEqual({ ok: true, value: 1650 });
  });

  it('does not guess: 「約1,000点」 and 「1.5回」 do not read, with a message that names the text', () => {
    expect(readCount('約1,000点', '点数')).toMatchObject({ ok: false, message: expect.stringContaining('「約1,000点」') as unknown });
    expect(readCount('1.5回', '回数')).toMatchObject({ ok: false, message: expect.stringContaining('整数') as unknown });
  });

  it('computes 小計 = 点数 × 回数 and the 合計 with its amount, leaving out a row just added', () => {
    const t = insuredTotal(SURGERY);
    expect(t.lines.map((l) => l.subtotal)).toEqual([64_120, 16_500]);
    expect(t.points).toBe(80_620);
    expect(insuredSummary(SURGERY)).toBe('合計　80,620点（806,200円）');
  });
});

describe('R-C-6 様式第6号: 合計点数 × 10円 = 保険外併用療養費（保険者負担）＋一部負担金', () => {
  it('is silent on the sample, whose 内訳 adds up to its stated amount', () => {
    expect(findingsOf({}, 'R-C-6')).toEqual([]);
  });

  it('is silent when rows typed with full-width digits add up to the typed amounts', () => {
    expect(findingsOf({ forms: { [Y6]: { insuredRows: SURGERY, ...STATED } } }, 'R-C-6')).toEqual([]);
  });

  it('fires when the 合計 differs from the stated amount (「2回」 typed for the operation), naming both sums', () => {
    const rows = [{ ...SURGERY[0]!, times: '2回' }, SURGERY[1]!];
    const hits = findingsOf({ forms: { [Y6]: { insuredRows: rows, ...STATED } } }, 'R-C-6');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'error', locations: [{ doc: Y6, field: 'insuredRows' }, { doc: Y6, field: 'insurerShare' }, { doc: Y6, field: 'copayment' }] });
    expect(hits[0]?.message).toContain('144,740点＝1,447,400円');
    expect(hits[0]?.message).toContain('806,200円');
  });

  it('fires on a sample whose stated amount was changed but not its 内訳', () => {
    const hits = findingsOf({ forms: { [Y6]: { insurerShare: 1_470_000, copayment: 630_000 } } }, 'R-C-6');
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('103,867点＝1,038,670円') as unknown]);
  });

  it('keeps a 点数 that does not read as typed, says so at its row, and compares no 合計', () => {
    const rows = [{ ...SURGERY[0]!, points: '約64,000点' }, SURGERY[1]!];
    const hits = findingsOf({ forms: { [Y6]: { insuredRows: rows, ...STATED } } }, 'R-C-6');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ locations: [{ doc: Y6, field: 'insuredRows', row: 0 }] });
    expect(hits[0]?.message).toContain('「約64,000点」');
    const text = printed(yoshiki6, { insuredRows: rows, ...STATED });
    expect(text).toContain('約64,000点');
    expect(text).toContain('（点数・回数を確認してください）');
  });

  it('warns when a row is a 部 total (「検査」) rather than an individual 点数 item (記載要領 第6(4))', () => {
    const rows = [...SURGERY.slice(0, 2), { part: '検査', item: '検査', points: '0点', times: '1回' }];
    const hits = findingsOf({ forms: { [Y6]: { insuredRows: rows, ...STATED } } }, 'R-C-6');
    expect(hits).toMatchObject([{ severity: 'warning', locations: [{ row: 2 }] }]);
    expect(hits[0]?.message).toContain('部ごとの合計');
  });
});

describe('様式第6号 prints the 内訳 as a table with 小計 and 合計', () => {
  it('prints each item, its 小計, the 合計点数 and its amount (×10円)', () => {
    const text = printed(yoshiki6, { insuredRows: SURGERY, ...STATED });
    for (const s of ['診療報酬項目', '小計', 'K655-2 腹腔鏡下胃切除術（単純切除術）', '64,120点', '16,500点', '10日', '合計点数', '80,620点', '合計金額（合計点数×10円）', '806,200円']) expect(text).toContain(s);
  });

  it('prints the sample\u2019s 11 items with 合計 103,867点 = 1,038,670円', () => {
    const text = printed(yoshiki6, loadSample().forms.get(Y6) ?? {});
    expect(text).toContain('K936 自動縫合器加算');
    expect(text).toContain('7,500点');
    expect(text).toContain('103,867点');
    expect(text).toContain('1,038,670円');
  });
});

/** The answers version 1 of the form stored (the sample as it was before issue 15). */
const V1_INSURED = '入院基本料 急性期一般入院料1 1,650点×10日\n手術 K655-2 腹腔鏡下胃切除術（単純切除術） 64,120点';
const V1_CASES = '①有効性が認められた事例：整理番号1 62歳 男性 早期胃がん 入院期間 2025年4月10日～4月20日 転帰 軽快。ほか43例。';

describe('answers of template version 1 keep opening, every value intact', () => {
  it('様式第6号: the free-text 内訳 stays in its field, no row is guessed, and it prints as before', () => {
    const v1 = { typicalCase: '65歳男性', insuredBasis: '健康保険被保険者本人', insuredBasisNote: '', insurerShare: 1_470_000, copayment: 630_000, insuredItems: V1_INSURED };
    const r = readAnswers(yoshiki6, v1, 1);
    if (!r.ok) throw new Error(r.reason);
    expect(r).toMatchObject({ migratedFrom: 1, unknown: {} });
    expect(r.answers).toEqual({ ...v1, insuredRows: [] });
    const text = printed(yoshiki6, r.answers);
    expect(text).toContain('手術 K655-2 腹腔鏡下胃切除術（単純切除術） 64,120点');
    expect(text).not.toContain('合計点数');
  });

  it('様式第3号: the free-text 実績症例 stays in its field and prints as before; the tables start empty', () => {
    const { casesEffective: _a, casesIneffective: _b, casesEffectiveOthers: _c, casesIneffectiveOthers: _d, ...v2Only } = yoshiki3.empty();
    const v1 = { ...v2Only, casesDone: '45例', caseRecords: V1_CASES };
    expect(Object.keys(v1)).not.toContain('casesEffective');
    const r = readAnswers(yoshiki3, v1, 1);
    if (!r.ok) throw new Error(r.reason);
    expect(r.answers).toMatchObject({ caseRecords: V1_CASES, casesDone: '45例', casesEffective: [], casesIneffective: [] });
    // Printed as before (its dates in the package's one style, R-F-4).
    expect(printed(yoshiki3, r.answers)).toContain('①有効性が認められた事例：整理番号1 62歳 男性 早期胃がん 入院期間 令和７年４月１０日～４月２０日 転帰 軽快。ほか43例。');
  });

  it('a row stored under a version-1 stamp by mistake is kept, not emptied, by the migration', () => {
    const r = readAnswers(yoshiki6, { insuredRows: SURGERY, insuredItems: '' }, 1);
    expect(r.ok && r.answers.insuredRows).toEqual(SURGERY);
  });
});

describe('様式第3号 7-2 prints 実績症例 as two tables (記載要領 第4(7-2)②③)', () => {
  it('prints ① and ② with their columns, rows and 「他　例」', () => {
    const text = printed(yoshiki3, loadSample().forms.get(Y3) ?? {});
    const one = text.indexOf('①有効性が認められた事例');
    const two = text.indexOf('②有効性が認められなかった事例、安全上の問題が発生した事例');
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    for (const s of ['整理番号', '年齢', '性別', '病名', '入院期間', '転帰', '治療経過']) expect(text.slice(one, two)).toContain(s);
    expect(text.slice(one, two)).toContain('他　41例（早期胃がん）');
    expect(text.slice(one, two)).toContain('微小転移');
    expect(text.slice(two)).toContain('センチネルリンパ節を同定できず');
  });
});

describe('R-P-7 (proposed) 実績症例 listed vs 既に実績のある症例数 (様式第3号 7-2)', () => {
  const check = (forms: Readonly<Record<string, unknown>>) => evaluate(caseRecordRules, sampleWith({ forms: { [Y3]: forms } }));
  const row = (no: string) => ({ no, age: '60歳', sex: '男', disease: '早期胃がん', stay: '2025年7月1日～7月10日', outcome: '軽快', course: '縮小胃切除術を施行。' });

  it('is silent on the sample: 3 + 1 rows and 「他　41例（早期胃がん）」 make its 45例', () => {
    expect(check({})).toEqual([]);
  });

  it('is silent when the stated number is typed with full-width digits (「４５症例」)', () => {
    expect(check({ casesDone: '４５症例' })).toEqual([]);
  });

  it('warns when a case is added to ② but 既に実績のある症例数 still says 45例, naming both numbers', () => {
    const two = loadSample().forms.get(Y3)?.casesIneffective as readonly unknown[];
    const hits = check({ casesIneffective: [...two, row('46')] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ ruleId: 'R-P-7', severity: 'warning', locations: [{ doc: Y3, field: 'casesDone' }, { doc: Y3, field: 'casesEffective' }] });
    expect(hits[0]?.message).toContain('合わせて46例（①の表に3例、②の表に2例、「他　例」に41例）');
    expect(hits[0]?.message).toContain('「45例」');
  });

  it('is silent for answers of version 1 (実績症例 only as free text): nothing is counted', () => {
    expect(check({ casesEffective: [], casesIneffective: [], casesEffectiveOthers: '', casesIneffectiveOthers: '', caseRecords: V1_CASES })).toEqual([]);
  });
});
