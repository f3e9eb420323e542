import { fieldsOf, missingRequired, type Category } from '../../shared/forms/field';
import type { FormDefinition } from '../../shared/forms/definition';
import { packageById, type PackageDefinition, type PackageId } from '../../shared/forms/packages';
import { filingPackage } from '../../shared/filings/resolve';
import type { Filing } from '../../shared/filings/filing';
import { templateSetOn } from '../../shared/filings/template-sets';
import type { Project } from '../../shared/model/project';
import { defaultPackage } from '../../shared/rules/submission';
import type { Finding } from '../../shared/rules/types';

/**
 * 様式 whose content is made on another screen, not typed into the 様式 itself: the editor says
 * so and links there, and the lists show where it comes from instead of a 「必須 0/0」.
 */
const FILLED_FROM: Readonly<Record<string, { readonly screen: string; readonly route: string; readonly what: string }>> = {
  'besshi1/yoshiki7-1': { screen: '費用の計算', route: 'cost', what: '金額と内訳' },
  'besshi1/yoshiki7-2': { screen: '費用の計算', route: 'cost', what: '機器・人件費・材料の内訳' },
};

export interface FilledFrom {
  /** The screen's name, as in its heading and links (「費用の計算」). */
  readonly screen: string;
  readonly href: string;
  /** What of the 様式 comes from there (「金額と内訳」). */
  readonly what: string;
}

export function filledFrom(form: FormDefinition, projectId: string): FilledFrom | undefined {
  const f = FILLED_FROM[form.id];
  return f && { screen: f.screen, href: `/projects/${projectId}/${f.route}`, what: f.what };
}

/**
 * 様式 with no required item of their own whose main content is printed from a list kept elsewhere:
 * the lists say where (「職員名簿から」) rather than a bare 「必須項目なし」.
 */
const PRINTED_FROM: Readonly<Record<string, { readonly screen: string; readonly href: string; readonly what: string }>> = {
  'besshi1/yoshiki8-1': { screen: '職員名簿', href: '/roster', what: '実施責任医師の行' },
};

/** Required items of the form for this 区分 and how many are filled (required 0: nothing to count). */
export function completeness(form: FormDefinition, answers: Readonly<Record<string, unknown>>, category: Category): { readonly required: number; readonly filled: number } {
  const required = fieldsOf(form.answers).filter((x) => x.meta.required[category] === 'req').length;
  return { required, filled: required - missingRequired(form.answers, answers, category).length };
}

/**
 * The package the project is being prepared as: its 新規届出's (the draft one, else the newest not
 * withdrawn) — the same choice its filing prints with (filingPackage) — else the 新規届出 of its 区分.
 * The package of the template set in force on the project's 届出日 (else `today`), like the filing.
 */
export function projectPackage(filings: ReadonlyArray<Pick<Filing, 'kind' | 'packageId' | 'status'>>, project: Pick<Project, 'category' | 'filingDate'>, today: string): PackageDefinition {
  const news = filings.filter((f) => f.kind === 'new' && f.status !== 'withdrawn');
  const chosen = news.find((f) => f.status === 'draft') ?? news.at(-1);
  const id: PackageId = (chosen && filingPackage(chosen, project.category)) ?? defaultPackage(project.category);
  return templateSetOn(project.filingDate || today).packages.find((p) => p.id === id) ?? packageById(id);
}

/** 「先進医療Bの新規届出に必要」: why a form of the package is listed. */
const NEEDED_FOR: Readonly<Record<PackageId, string>> = {
  'new-a': '先進医療Aの新規届出に必要',
  'new-b': '先進医療Bの新規届出に必要',
  cooperating: '協力医療機関の届出に必要',
  outsourcing: '委託（共同実施）の届出に必要',
};

/** What each 様式 states, as the 記載要領 asks it (spec §2–§3): the reason it is in the package. */
const PURPOSE: Readonly<Record<string, { readonly short: string; readonly long: string }>> = {
  'besshi1/yoshiki1-1': { short: '届出書', long: '届出書の本体です（開設者の名義、事務担当者、補償・保険）。' },
  'besshi1/yoshiki1-2': { short: '新規施設届出書', long: '施設の届出書です（地方厚生（支）局へ提出）。' },
  'besshi1/yoshiki2': { short: '実施体制・倫理審査委員会', long: '実施医療機関ごとの実施診療科・当直体制・医療安全対策と、倫理審査委員会の構成員を記載します（記載要領 第3）。' },
  'besshi1/yoshiki3': { short: '実施計画', long: '使用する品目、有効性・安全性、適格基準、治療計画、予定症例数などの実施計画です（記載要領 第4）。' },
  'besshi1/yoshiki4': { short: '協力医療機関の届出', long: '協力医療機関の届出に添える様式です（記載要領 第10）。' },
  'besshi1/yoshiki5': { short: '技術の概要', long: '先進性・概要・効果と、先進医療にかかる費用を記載します（記載要領 第5）。' },
  'besshi1/yoshiki6': { short: '費用と保険外併用療養費の内訳', long: '典型的な症例の費用と、保険外併用療養費分を診療報酬の点数の項目ごとに記載します（記載要領 第6）。' },
  'besshi1/yoshiki7-1': { short: '費用の積算根拠', long: '先進医療にかかる費用の積算根拠です（記載要領 第7）。' },
  'besshi1/yoshiki7-2': { short: '費用の積算の内訳', long: '医療機器の償却費・人件費・医療材料費の内訳です（記載要領 第7）。' },
  'besshi1/yoshiki8-1': { short: '実施責任医師・実施者', long: '実施責任医師と実施者の資格・経験年数・経験症例数です（記載要領 第8）。' },
  'besshi1/yoshiki8-2': { short: '医療機関の体制', long: '病床数・看護配置・当直体制・診療科別の常勤医師数など、医療機関の体制です（記載要領 第8）。' },
  'besshi1/yoshiki9': { short: '医療機関の要件（案）', long: 'この技術を実施できる保険医療機関の要件の案です。協力医療機関も同じものを添付します（記載要領 第9・第10）。' },
  'besshi2/yoshiki8': { short: '委託業務の実施内容', long: '委託する業務の内容と受託側の体制です（記載要領 別紙2）。' },
  'besshi2/yoshiki9': { short: '委託業務の実施方法', long: '委託業務の手順と取り交わす文書です（記載要領 別紙2）。' },
};

export interface FormNeed {
  /** 「先進医療Bの新規届出に必要」 */
  readonly neededFor: string;
  /** 「医療機関の体制」: fits in the form tree. */
  readonly short: string;
  /** One sentence: what the 様式 states. */
  readonly long: string;
}

export function formNeed(form: FormDefinition, pkg: Pick<PackageDefinition, 'id'>): FormNeed {
  const p = PURPOSE[form.id] ?? { short: form.title, long: `${form.title}です。` };
  return { neededFor: NEEDED_FOR[pkg.id], ...p };
}

/** Errors of the check located on the form; R-REQ is left out: its blanks are the 「n/m」 count already. */
export function formErrors(form: FormDefinition, findings: readonly Finding[] | undefined): number {
  if (!findings) return 0;
  return findings.filter((f) => f.severity === 'error' && f.ruleId !== 'R-REQ' && f.locations.some((l) => l.doc === form.id)).length;
}

/**
 * Where a form stands. `from`: its content is made on another screen (費用の計算); `printed`: nothing
 * of its own is required and its main content is printed from a list (職員名簿); `none`: nothing
 * required; `count`: required items filled of those required. A form is `done` only when every
 * required item is filled and the check finds no error on it — never for 0 required items.
 */
export type FormProgress =
  | { readonly kind: 'from'; readonly screen: string; readonly href: string; readonly errors: number; readonly done: false }
  | { readonly kind: 'printed'; readonly screen: string; readonly href: string; readonly what: string; readonly errors: number; readonly done: false }
  | { readonly kind: 'none'; readonly errors: number; readonly done: false }
  | { readonly kind: 'count'; readonly required: number; readonly filled: number; readonly errors: number; readonly done: boolean };

export function formProgress(form: FormDefinition, answers: Readonly<Record<string, unknown>>, category: Category, projectId: string, findings: readonly Finding[] | undefined): FormProgress {
  const errors = formErrors(form, findings);
  const source = filledFrom(form, projectId);
  if (source) return { kind: 'from', screen: source.screen, href: source.href, errors, done: false };
  const { required, filled } = completeness(form, answers, category);
  if (required === 0) {
    const printed = PRINTED_FROM[form.id];
    return printed ? { kind: 'printed', ...printed, errors, done: false } : { kind: 'none', errors, done: false };
  }
  return { kind: 'count', required, filled, errors, done: filled === required && errors === 0 };
}

/** 「入力済み」 forms of those that have items to type (forms made elsewhere are not counted either way). */
export function packageProgress(progress: readonly FormProgress[]): { readonly done: number; readonly counted: number } {
  const counted = progress.filter((p) => p.kind === 'count');
  return { done: counted.filter((p) => p.done).length, counted: counted.length };
}

/** Spoken status of a form: 「必須5項目中5項目入力済み、エラー1件」. */
export function progressSpoken(p: FormProgress): string {
  const err = p.errors > 0 ? `、エラー${p.errors}件` : '';
  if (p.kind === 'from') return `${p.screen}から作成${err}`;
  if (p.kind === 'printed') return `${p.what}は${p.screen}から作成（必須項目なし）${err}`;
  if (p.kind === 'none') return `必須項目なし${err}`;
  return `必須${p.required}項目中${p.filled}項目入力済み${err}`;
}
