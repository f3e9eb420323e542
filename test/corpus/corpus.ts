/**
 * The prose corpus (issue 16): passages written the way coordinators write them, each put into a
 * clean project (the shipped sample, or the second project of test/corpus/second-project.json),
 * with the findings the checker must raise and must not raise. `npm run -s check:corpus` prints
 * precision and recall per rule family; test/unit/rules/corpus.test.ts holds every entry to its
 * expectation.
 *
 * Counting (per passage, by rule id): a rule the entry expects that fired is a true positive, one
 * that did not is a miss, a rule that fired and is not expected is a false positive. Findings the
 * clean base project already has are not counted (a clean base has none). A 情報 finding counts
 * when the entry expects it; an unexpected one is a note, not an alarm, and is not a false positive.
 */
import { parseIsoDate } from '../../shared/dates/iso-date';
import { checkWithFonts } from '../../shared/rules';
import type { GlyphCoverage } from '../../shared/rules/catalog/preflight';
import { submissionsOf } from '../../shared/rules/from-records';
import type { Finding } from '../../shared/rules/types';
import { parseSample } from '../../shared/samples/sample';
import { sampleWorkspaceData } from '../../shared/samples/sample-export';

/** The form family a passage is written for (issue 16 item 1). */
export const FORM_FAMILIES = ['様式第3号', '様式第5号', '様式第6号', '様式第7号', '事前相談'] as const;
export type FormFamily = (typeof FORM_FAMILIES)[number];

export type BaseName = 'sample' | 'second';

/**
 * What a passage changes in its base project (sample-file format, assets/samples/sample-project.json):
 * answers merged field by field over each form's, and fields of the project, 積算, 事前相談.
 * `masters` replaces whole master lists.
 */
/**
 * What issue 16 lists as missed or falsely flagged, and the faults a reviewer found in the old
 * sample: each needs at least one corpus entry (`listed`) that failed before its fix.
 */
export const LISTED = [
  'R-P-4: 登録期間が研究期間の後に終わる',
  'R-ID-2: 様式第5号・第3号の本文で適応症の限定が異なる',
  'R-C-1: 「費用の総額は」「費用の合計は」で誤った額',
  'R-C-5: 本文の負担区分が積算と矛盾する',
  '届出日より後の事前相談の実施日・委員会の承認日',
  'R-P-2: 先行研究の期間・中間解析の日付（誤警告）',
  'R-CH-3: 承認日と許可日が一文にある（誤警告）',
  'サンプル: 登録期間・追跡期間と研究期間の終了日',
  'サンプル: 様式第6号 内訳の点数の合計',
  'サンプル: 補償 無・保険 有で措置の説明がない',
  'サンプル: 協力医療機関の診療科が様式第9号の要件を満たさない',
  'サンプル: 開設者と同じ大学の委員が外部委員',
  'サンプル: 既に実績のある症例数が様式第3号と第8-2号で異なる',
] as const;
export type Listed = (typeof LISTED)[number];

export interface CorpusEdit {
  readonly forms?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly project?: Readonly<Record<string, unknown>>;
  readonly cost?: Readonly<Record<string, unknown>>;
  readonly consultation?: Readonly<Record<string, unknown>>;
  readonly masters?: Readonly<Record<string, unknown>>;
}

export interface CorpusEntry {
  /** Stable id: 'y3-period-01'. */
  readonly id: string;
  readonly family: FormFamily;
  /** The shape of writing it tests, in a few words (「和暦の研究期間に先行研究の期間」). */
  readonly shape: string;
  readonly base?: BaseName;
  readonly edit: CorpusEdit;
  /**
   * The day the check runs (ISO), when it is not the 届出日: a 事前相談申込書 is checked before it is
   * faxed, when its 希望日時 are still ahead.
   */
  readonly today?: string;
  /** Rule ids that must fire. Empty: a clean passage. */
  readonly expect: readonly string[];
  /** Rule ids named because they once fired here wrongly (counted as false positives if they fire). */
  readonly mustNot?: readonly string[];
  /** The line of issue 16 this entry covers (its listed misses and false alarms). */
  readonly listed?: Listed;
  /**
   * A limitation we keep: why the checker still gets this passage wrong. The test holds such an
   * entry to failing (so a fix shows up) and the counts include it.
   */
  readonly known?: string;
}

export interface EntryResult {
  readonly entry: CorpusEntry;
  /** Rule ids of the findings the passage added over its base. */
  readonly fired: readonly string[];
  readonly findings: readonly Finding[];
  readonly tp: readonly string[];
  readonly fn: readonly string[];
  readonly fp: readonly string[];
  /** The edit did not make a valid project (a corpus mistake, counted as a miss of everything expected). */
  readonly error?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

/** R-C-1 → R-C, R-ID-10 → R-ID, R-ETH → R-ETH, PRE-GLYPH → PRE. */
export function ruleFamily(ruleId: string): string {
  if (ruleId.startsWith('PRE-')) return 'PRE';
  return ruleId.replace(/-[0-9]+$/, '');
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The base's sample-format JSON with the edit applied (a new object; the base is not changed). */
export function applyEdit(base: unknown, edit: CorpusEdit): unknown {
  if (!isRecord(base)) return base;
  const out: Raw = { ...base };
  const merge = (key: string, over: Readonly<Record<string, unknown>> | undefined) => {
    if (!over) return;
    const was = out[key];
    out[key] = { ...(isRecord(was) ? was : {}), ...over };
  };
  merge('project', edit.project);
  merge('cost', edit.cost);
  merge('consultation', edit.consultation);
  merge('masters', edit.masters);
  if (edit.forms) {
    const forms: Raw = isRecord(out.forms) ? { ...out.forms } : {};
    for (const [doc, answers] of Object.entries(edit.forms)) {
      const was = forms[doc];
      forms[doc] = { ...(isRecord(was) ? was : {}), ...answers };
    }
    out.forms = forms;
  }
  return out;
}

/** Every finding of a project in sample-file format, as `npm run check` reports them (PRE-GLYPH included). */
export function findingsOf(json: unknown, glyphs: GlyphCoverage, on?: string): Finding[] | string {
  const parsed = parseSample(json);
  if (!parsed.ok) return parsed.message;
  const at = '2027-01-01T00:00:00.000Z';
  const data = sampleWorkspaceData(parsed.sample, 'corpus', at);
  const today = parseIsoDate(on ?? parsed.sample.project.filingDate) ?? { year: 2027, month: 4, day: 5 };
  const [s] = submissionsOf(data, today);
  if (!s) return '案件がありません。';
  return checkWithFonts(s, glyphs);
}

export function runEntry(entry: CorpusEntry, bases: Readonly<Record<BaseName, unknown>>, baseFindings: Readonly<Record<BaseName, readonly Finding[]>>, glyphs: GlyphCoverage): EntryResult {
  const base = entry.base ?? 'sample';
  const found = findingsOf(applyEdit(bases[base], entry.edit), glyphs, entry.today);
  const expect = [...new Set(entry.expect)];
  if (typeof found === 'string') return { entry, fired: [], findings: [], tp: [], fn: expect, fp: [], error: found };
  const before = new Set(baseFindings[base].map((f) => f.key));
  // 情報 is a note, not an alarm (「償却費を0円として計算しています」): an unexpected one is not a false positive.
  const added = found.filter((f) => !before.has(f.key) && (f.severity !== 'info' || expect.includes(f.ruleId)));
  const fired = [...new Set(added.map((f) => f.ruleId))];
  return {
    entry,
    fired,
    findings: added,
    tp: expect.filter((r) => fired.includes(r)),
    fn: expect.filter((r) => !fired.includes(r)),
    fp: fired.filter((r) => !expect.includes(r)),
  };
}

/** True when the passage came out exactly as the entry says. */
export const matches = (r: EntryResult): boolean => r.error === undefined && r.fn.length === 0 && r.fp.length === 0;

export interface CorpusReport {
  readonly results: readonly EntryResult[];
  readonly byRuleFamily: ReadonlyMap<string, Counts>;
  readonly byFormFamily: ReadonlyMap<FormFamily, Counts & { passages: number }>;
  readonly overall: Counts;
  readonly baseFindings: Readonly<Record<BaseName, readonly Finding[]>>;
}

export function runCorpus(entries: readonly CorpusEntry[], bases: Readonly<Record<BaseName, unknown>>, glyphs: GlyphCoverage): CorpusReport {
  const baseFindings: Record<BaseName, readonly Finding[]> = { sample: [], second: [] };
  for (const name of ['sample', 'second'] as const) {
    const f = findingsOf(bases[name], glyphs);
    if (typeof f === 'string') throw new Error(`corpus base ${name}: ${f}`);
    baseFindings[name] = f;
  }
  const results = entries.map((e) => runEntry(e, bases, baseFindings, glyphs));
  const byRuleFamily = new Map<string, Counts>();
  const byFormFamily = new Map<FormFamily, Counts & { passages: number }>(FORM_FAMILIES.map((f) => [f, { tp: 0, fp: 0, fn: 0, passages: 0 }]));
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const bump = (rule: string, k: keyof Counts, form: Counts) => {
    const fam = byRuleFamily.get(ruleFamily(rule)) ?? { tp: 0, fp: 0, fn: 0 };
    fam[k]++;
    byRuleFamily.set(ruleFamily(rule), fam);
    form[k]++;
    overall[k]++;
  };
  for (const r of results) {
    const form = byFormFamily.get(r.entry.family) ?? { tp: 0, fp: 0, fn: 0, passages: 0 };
    form.passages++;
    for (const x of r.tp) bump(x, 'tp', form);
    for (const x of r.fp) bump(x, 'fp', form);
    for (const x of r.fn) bump(x, 'fn', form);
    byFormFamily.set(r.entry.family, form);
  }
  return { results, byRuleFamily, byFormFamily, overall, baseFindings };
}

export const TARGET = { overall: 0.95, family: 0.9 } as const;

/** Whether the report meets issue 16's targets: overall precision and recall ≥ 0.95, no rule family below 0.9. */
export function meetsTargets(r: CorpusReport): boolean {
  if (precision(r.overall) < TARGET.overall || recall(r.overall) < TARGET.overall) return false;
  return [...r.byRuleFamily.values()].every((c) => precision(c) >= TARGET.family && recall(c) >= TARGET.family);
}

const fmt = (n: number): string => n.toFixed(3);
/** Terminal columns: full-width characters take two. */
const cols = (s: string): number => Array.from(s).reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - cols(s)));

/** The printed table (`npm run -s check:corpus`), the failing passages after it, and a one-line summary last. */
export function formatReport(r: CorpusReport): string {
  const lines: string[] = [];
  const row = (name: string, c: Counts, extra = '') => lines.push(`${pad(name, 12)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${fmt(precision(c)).padStart(9)} ${fmt(recall(c)).padStart(6)}${extra}`);
  lines.push(`prose corpus: ${r.results.length} passages`);
  lines.push('');
  const head = (name: string, extra = '') => lines.push(`${pad(name, 12)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}   precision recall${extra}`);
  head('rule family');
  for (const [fam, c] of [...r.byRuleFamily.entries()].sort(([a], [b]) => a.localeCompare(b))) row(fam, c, precision(c) < TARGET.family || recall(c) < TARGET.family ? '   below 0.9' : '');
  lines.push('');
  head('form family', '   passages');
  for (const [fam, c] of r.byFormFamily) row(fam, c, `   ${c.passages}`);
  lines.push('');
  row('overall', r.overall);
  const wrong = r.results.filter((x) => !matches(x));
  if (wrong.length > 0) {
    lines.push('');
    lines.push(`passages the checker gets wrong (${wrong.length}):`);
    for (const x of wrong) {
      const what = [x.error ? `error: ${x.error}` : '', x.fn.length ? `missed ${x.fn.join(', ')}` : '', x.fp.length ? `false ${x.fp.join(', ')}` : ''].filter(Boolean).join('; ');
      lines.push(`  ${x.entry.id} (${x.entry.shape}): ${what}${x.entry.known ? ` — known: ${x.entry.known}` : ''}`);
    }
  }
  for (const name of ['sample', 'second'] as const) {
    const f = r.baseFindings[name];
    if (f.length > 0) lines.push(`base ${name}: ${f.length} findings of its own (${[...new Set(f.map((x) => x.ruleId))].join(', ')})`);
  }
  lines.push('');
  lines.push(summaryLine(r));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(r: CorpusReport): string {
  const fams = [...r.byRuleFamily.values()];
  const worst = fams.length === 0 ? 1 : Math.min(...fams.map((c) => Math.min(precision(c), recall(c))));
  return `prose corpus: ${r.results.length} passages, precision ${fmt(precision(r.overall))}, recall ${fmt(recall(r.overall))} (TP ${r.overall.tp}, FP ${r.overall.fp}, FN ${r.overall.fn}); lowest family ${fmt(worst)} — target ≥ 0.95 overall, ≥ 0.9 per family: ${meetsTargets(r) ? 'met' : 'NOT met'}`;
}
