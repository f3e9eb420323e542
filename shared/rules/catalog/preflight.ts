/**
 * Print preflight (issue 5 item 5): what the printed package will look like, not what the
 * 記載要領 says. Walks every string typed into the forms of the package — text, table cells,
 * 要・不要 values — the names typed into the 積算 (様式第7号) and the project's 名称・適応症, and reports
 *  - PRE-GLYPH   characters neither bundled font can print (they would print as □);
 *  - PRE-XMLCHAR characters XML cannot hold (C0 controls, U+FFFE/U+FFFF, lone surrogates): neither
 *                the PDF nor the Word file prints them (shared/text/xml-chars.ts);
 *  - PRE-KISHU   機種依存文字 that FAX machines, mail and Shift_JIS tools show differently;
 *  - PRE-HANKANA 半角カタカナ;
 *  - PRE-FIT     a one-line box (FieldMeta.kind 'text') holding enough text to make it tall.
 * None of these is a 記載要領 rule: the basis says so.
 */
import { A4 } from '../../document/model';
import type { FontSet } from '../../document/layout/types';
import { yoshiki2 } from '../../forms/besshi1/yoshiki2';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki81 } from '../../forms/besshi1/yoshiki8';
import { FORM_MARGINS } from '../../forms/definition';
import { fieldsOf, isBlank, type FieldKind } from '../../forms/field';
import { BODY } from '../../forms/layout-helpers';
import { isXmlChar, nonXmlChars } from '../../text/xml-chars';
import { answerOf, at, docLabel, fieldLabel, formById, type Submission } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';

/** True when a bundled font (BIZ UD明朝 or the Noto Serif JP fallback) has a glyph for the code point. */
export type GlyphCoverage = (codePoint: number) => boolean;

/** The coverage predicate from the fonts the app already parsed (renderer/fonts: LoadedFonts.metrics). */
export function glyphCoverage(fonts: FontSet): GlyphCoverage {
  const cache = new Map<number, boolean>();
  return (cp) => {
    let has = cache.get(cp);
    if (has === undefined) {
      has = fonts.primary.has(cp) || fonts.fallback.has(cp);
      cache.set(cp, has);
    }
    return has;
  };
}

/** One string as typed, and where it is. `discriminator` tells two cells of one table row apart. */
export interface TypedString {
  readonly text: string;
  readonly location: FieldLocation;
  readonly kind: FieldKind | 'project' | 'cost' | 'master';
  readonly discriminator?: string;
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every typed string of the package's forms (in filing order), the 積算's names, then the project's 名称 and 適応症. */
export function typedStrings(s: Submission): readonly TypedString[] {
  const cached = typedCache.get(s);
  if (cached) return cached;
  const out: TypedString[] = [];
  for (const formId of s.formIds) {
    const form = formById(formId);
    const answers = s.forms.get(formId);
    if (!form || !answers) continue;
    for (const { key, meta } of fieldsOf(form.answers)) {
      const v = answers[key];
      if (meta.kind === 'ref' || meta.kind === 'refs' || meta.kind === 'check') continue;
      // A typed table replaced by a picked master entry does not print.
      if (meta.replacedBy && !isBlank(answers[meta.replacedBy])) continue;
      if (typeof v === 'string') out.push({ text: v, location: at(formId, key), kind: meta.kind });
      else if (meta.kind === 'requirement' && isRecord(v) && typeof v.value === 'string') out.push({ text: v.value, location: at(formId, key), kind: meta.kind });
      else if (meta.kind === 'table' && Array.isArray(v)) {
        const rows: readonly unknown[] = v;
        rows.forEach((row, i) => {
          if (!isRecord(row)) return;
          for (const col of meta.columns ?? []) {
            const cellText = row[col.key];
            if (typeof cellText !== 'string') continue;
            const label = `${fieldLabel(formId, key)} ${i + 1}行目「${col.label}」`;
            out.push({ text: cellText, location: at(formId, key, { row: i, label }), kind: 'table', discriminator: col.key });
          }
        });
      }
    }
  }
  out.push(...costStrings(s), ...masterStrings(s));
  out.push({ text: s.project.technologyName, location: at('project', 'technologyName', { label: '案件の基本情報「先進医療の名称」' }), kind: 'project' });
  out.push({ text: s.project.indication, location: at('project', 'indication', { label: '案件の基本情報「適応症」' }), kind: 'project' });
  const result = out.filter((t) => t.text !== '');
  typedCache.set(s, result);
  return result;
}

/** The three preflight rules walk the same strings: found once per submission. */
const typedCache = new WeakMap<Submission, readonly TypedString[]>();

/**
 * Master records the package prints: the 実施責任医師 and 実施者 (名簿), the committee picked in
 * 様式第2号 and its members, the products picked in 様式第3号. Names with 外字 live here most often.
 */
function masterStrings(s: Submission): TypedString[] {
  const out: TypedString[] = [];
  const m = s.facts.masters;
  // A picked id ('' = none) or a list of them, read through answerOf (keys typed by the schema).
  const ids = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined || v === '' ? [] : typeof v === 'string' ? [v] : v);
  const push = (doc: string, entryId: string, name: string, fields: ReadonlyArray<readonly [string, string]>) => {
    for (const [field, text] of fields) out.push({ text, location: at(doc, field, { entryId, label: `${docLabel(doc)}「${name}」` }), kind: 'master', discriminator: `${entryId}.${field}` });
  };
  const people = new Set([s.project.responsiblePhysicianId, ...ids(answerOf(s, yoshiki81, 'performerIds'))]);
  for (const p of m.people) if (people.has(p.id)) push('roster', p.id, p.name, [['name', p.name], ['department', p.department], ['title', p.title], ['qualification', p.qualification]]);
  const committeeIds = new Set(ids(answerOf(s, yoshiki2, 'committeeId')));
  for (const c of m.committees) {
    if (!committeeIds.has(c.id) || !s.formIds.includes(yoshiki2.id)) continue;
    push('masters/committees', c.id, c.name, [['name', c.name], ...c.members.flatMap((x) => [[`members.${x.id}.name`, x.name], [`members.${x.id}.position`, x.position]] as const)]);
  }
  const productIds = new Set((['devices', 'materials', 'regenerative'] as const).flatMap((k) => ids(answerOf(s, yoshiki3, k))));
  for (const p of m.products) {
    if (!productIds.has(p.id) || !s.formIds.includes(yoshiki3.id)) continue;
    push('masters/products', p.id, p.name, [['name', p.name], ['maker', p.maker], ['spec', p.spec], ['approvedIndication', p.approvedIndication], ['usage', p.usage], ['partialChangeStatus', p.partialChangeStatus ?? '']]);
  }
  return out;
}

/** Names typed into the 積算, printed by 様式第7-1号・第7-2号. */
function costStrings(s: Submission): TypedString[] {
  if (!s.formIds.some((id) => id.startsWith('besshi1/yoshiki7-'))) return [];
  const c = s.cost;
  const lists: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>]> = [
    ['equipment', '医療機器使用料', '機器名', c.equipment.map((r) => r.name)],
    ['staff', '人件費', '職種', c.staff.map((r) => r.jobTitle)],
    ['materials', '医療材料・医薬品費', '品名', c.materials.map((r) => r.name)],
    ['others', 'その他', '項目', c.others.map((r) => r.name)],
  ];
  return lists.flatMap(([field, name, column, texts]) =>
    texts.map((t, row) => ({ text: t, location: at('cost', field, { row, label: `費用の積算 ${name} ${row + 1}行目「${column}」` }), kind: 'cost' as const })),
  );
}

function hit(t: TypedString, message: string): Hit {
  return { message, locations: [t.location], ...(t.discriminator ? { discriminator: t.discriminator } : {}) };
}

function unique(chars: Iterable<string>): string[] {
  return [...new Set(chars)];
}

/** 「𠀋」, or 「U+E000（外字）」 for what cannot be shown by itself. */
function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp >= 0xe000 && cp <= 0xf8ff) return `${hex}（外字）`;
  if (/[\p{M}\p{Cf}\p{Z}]/u.test(ch)) return hex;
  return `「${ch}」（${hex}）`;
}

export const PREFLIGHT_BASIS = '印刷前点検（記載要領の規定ではありません）';

function glyphRule(glyphs: GlyphCoverage): Rule {
  return {
    id: 'PRE-GLYPH',
    title: '印刷できない文字',
    severity: 'error',
    basis: `${PREFLIGHT_BASIS}：同梱フォント（BIZ UD明朝・Noto Serif JP）にない文字は□で印刷される`,
    check(s) {
      const out: Hit[] = [];
      for (const t of typedStrings(s)) {
        // Line breaks and tabs are layout, not glyphs; what XML cannot hold is PRE-XMLCHAR's (it prints nowhere).
        const missing = unique(Array.from(t.text).filter((ch) => !/\p{Cc}/u.test(ch) && isXmlChar(ch.codePointAt(0) ?? 0) && !glyphs(ch.codePointAt(0) ?? 0)));
        if (missing.length === 0) continue;
        out.push(hit(t, `${t.location.label}に、同梱のフォントで印刷できない文字があります：${missing.map(showChar).join('、')}。□で印刷されます。別の字体・表記に置き換えてください。`));
      }
      return out;
    },
  };
}

// ---- XMLに書けない文字 ----------------------------------------------------------------------------

/** The institution printed on the forms (from 設定 or the project's 届出医療機関), which typedStrings leaves out. */
function institutionStrings(s: Submission): TypedString[] {
  const inst = s.facts.institution;
  if (!inst) return [];
  const fields = [
    ['name', '名称', inst.name],
    ['address', '所在地', inst.address],
    ['founderName', '開設者等の氏名', inst.founderName],
  ] as const;
  return fields.map(([field, label, text]) => ({ text, location: at('settings', field, { label: `設定（医療機関情報）または案件の届出医療機関「${label}」` }), kind: 'project' as const, discriminator: field }));
}

const xmlCharRule: Rule = {
  id: 'PRE-XMLCHAR',
  title: '出力できない制御文字',
  severity: 'warning',
  basis: `${PREFLIGHT_BASIS}：制御文字・U+FFFE・U+FFFF・対になっていないサロゲートはWordファイル（XML）に書けないため、PDFとWordのどちらにも出力しない`,
  check(s) {
    const out: Hit[] = [];
    for (const t of [...typedStrings(s), ...institutionStrings(s)]) {
      const found = nonXmlChars(t.text);
      if (found.length === 0) continue;
      const shown = found.map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join('、');
      out.push(hit(t, `${t.location.label}に、PDFにもWordにも出力できない文字（制御文字など）があります：${shown}。貼り付けや取り込みで紛れ込んだものと考えられ、出力時には省かれます。元の文書で意図した文字（空白・改行など）を確認して入力し直してください。`));
    }
    return out;
  },
};

// ---- 機種依存文字 -------------------------------------------------------------------------------

/** Replacements NFKC does not give, or gives in a form a 届出書 would not use. */
const KISHU_EXPLICIT: Readonly<Record<string, string>> = {
  '№': 'No.',
  '℡': 'TEL',
  '∮': '∫',
  '∟': '直角',
  '⊿': '△',
  '∑': 'Σ',
  '〝': '「',
  '〟': '」',
  '㏍': 'K.K.',
};

/**
 * The replacement for a 機種依存文字, or undefined when the character is fine. ①–⑳ are fine (the
 * 記載要領 itself numbers items with them), and so are ℃ ≒ ≡ ∫ √ ∵ (JIS X 0208).
 */
export function kishuReplacement(ch: string): string | undefined {
  const explicit = KISHU_EXPLICIT[ch];
  if (explicit !== undefined) return explicit;
  const cp = ch.codePointAt(0) ?? 0;
  const nfkc = ch.normalize('NFKC');
  const inRange = (lo: number, hi: number): boolean => cp >= lo && cp <= hi;
  if (inRange(0x3220, 0x3243)) return nfkc.replace('(', '（').replace(')', '）'); // ㈠…㈱㈲㈹…㉃ → （株）
  if (inRange(0x3251, 0x325f) || inRange(0x32b1, 0x32bf)) return `(${nfkc})`; // ㉑…㊿
  if (inRange(0x3280, 0x32b0) || inRange(0x32d0, 0x32fe)) return `（${nfkc}）`; // ㊤㊥㊦㊧㊨, ㋐…
  if (inRange(0x32ff, 0x33ff)) return nfkc; // ㋿ ㍉㌔㌢㍍ ㍻㍼㍽㍾ ㎜㎝㎞㎎㎏㏄㎡ …
  if (inRange(0x2160, 0x217f)) return nfkc; // Ⅰ…Ⅻ ⅰ…ⅻ → IV, iv
  if (inRange(0x2474, 0x24b5)) return nfkc; // ⑴ ⒈ ⒜ → (1) 1. (a)
  if (inRange(0x24b6, 0x24e9)) return `(${nfkc})`; // Ⓐ ⓐ
  return undefined;
}

/** Every character kishuReplacement may replace (the ranges below plus the explicit ones). */
const KISHU_CANDIDATE = /[\u3220-\u3243\u3251-\u325f\u32b1-\u32bf\u3280-\u32b0\u32d0-\u33ff\u2160-\u217f\u2474-\u24e9№℡∮∟⊿∑〝〟㏍]/u;

const kishuRule: Rule = {
  id: 'PRE-KISHU',
  title: '機種依存文字',
  severity: 'warning',
  basis: `${PREFLIGHT_BASIS}：機種依存文字はFAX・メール・他の環境で別の文字や□になる`,
  check(s) {
    const out: Hit[] = [];
    for (const t of typedStrings(s)) {
      // A quick scan first: nearly all text has none, and a per-character NFKC is what costs time.
      if (!KISHU_CANDIDATE.test(t.text)) continue;
      const found = unique(Array.from(t.text).filter((ch) => kishuReplacement(ch) !== undefined));
      if (found.length === 0) continue;
      const pairs = found.map((ch) => `「${ch}」→「${kishuReplacement(ch) ?? ''}」`).join('、');
      // Roman numerals (第Ⅱ相試験) are in almost every B package and print fine with our fonts: 情報 only.
      const roman = found.every((ch) => /[\u2160-\u217f]/u.test(ch));
      out.push({
        ...hit(t, `${t.location.label}に機種依存文字があります：${pairs}。FAXや提出先の環境で別の文字になることがあるため、置き換えをおすすめします。`),
        ...(roman ? { severity: 'info' as const } : {}),
        // Keyed by the characters too: 確認済み for 「Ⅱ」 does not hide a 「㈱」 typed later.
        discriminator: `${t.discriminator ?? ''}:${[...found].sort().join('')}`,
      });
    }
    return out;
  },
};

// ---- 半角カタカナ --------------------------------------------------------------------------------

const HANKANA = /[\uff61-\uff9f]+/g;

const hankanaRule: Rule = {
  id: 'PRE-HANKANA',
  title: '半角カタカナ',
  severity: 'warning',
  basis: `${PREFLIGHT_BASIS}：公用文では全角のカタカナを用いる`,
  check(s) {
    const out: Hit[] = [];
    for (const t of typedStrings(s)) {
      const runs = unique(Array.from(t.text.matchAll(HANKANA), (m) => m[0]));
      if (runs.length === 0) continue;
      const pairs = runs.map((r) => `「${r}」→「${r.normalize('NFKC')}」`).join('、');
      out.push(hit(t, `${t.location.label}に半角カタカナがあります：${pairs}。全角に直してください。`));
    }
    return out;
  },
};

// ---- 1行の欄に収まるか -----------------------------------------------------------------------------

/**
 * The widest place a one-line 'text' field prints is the value column of a 「項目 │ 内容」 table
 * (layout-helpers schemaLayout: 68 % of the A4 text width, 4 pt padding each side) at 10.5 pt:
 * about 30 full-width characters a line. Three such lines is the most a box meant for one line
 * should hold; past that the row grows and the form stops looking like the official sheet.
 * Narrower places (様式第2号's 実施医療機関 table) wrap sooner — the limit is a floor, not a fit test.
 */
export const FIT_CHARS_PER_LINE = Math.floor(((A4.width - FORM_MARGINS.left - FORM_MARGINS.right) * 0.68 - 8) / BODY);
export const FIT_LINES = 3;
export const TEXT_FIT_LIMIT = FIT_CHARS_PER_LINE * FIT_LINES;

/** Length in full-width characters: ASCII and 半角カナ count one half (BIZ UD明朝 sets them half-width). */
export function fullWidthLength(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u0020-\u007e\uff61-\uff9f]/.test(ch) ? 0.5 : 1;
  return n;
}

const fitRule: Rule = {
  id: 'PRE-FIT',
  title: '1行の欄に長すぎる文',
  severity: 'warning',
  basis: `${PREFLIGHT_BASIS}：1行の記入欄は全角${TEXT_FIT_LIMIT}文字（ラベル付きの欄で約${FIT_LINES}行）が目安`,
  check(s) {
    const out: Hit[] = [];
    for (const t of typedStrings(s)) {
      if (t.kind !== 'text') continue;
      const n = Math.ceil(fullWidthLength(t.text));
      if (n <= TEXT_FIT_LIMIT) continue;
      const lines = Math.ceil(n / FIT_CHARS_PER_LINE);
      out.push(hit(t, `${t.location.label}は1行の欄ですが、全角換算で${n}文字あります（目安${TEXT_FIT_LIMIT}文字）。ラベル付きの欄なら約${lines}行に折り返し、欄が縦に長くなります（幅の狭い欄ではさらに長くなります）。要点に絞るか、詳しい説明は記述欄に移してください。`));
    }
    return out;
  },
};

/**
 * The preflight rules. PRE-GLYPH needs the fonts, so it is included only when a coverage predicate
 * is given (glyphCoverage(fonts.metrics)); the others need nothing but the submission.
 */
export function preflightRules(glyphs?: GlyphCoverage): Rule[] {
  return [...(glyphs ? [glyphRule(glyphs)] : []), kishuRule, hankanaRule, fitRule, xmlCharRule];
}

/** PRE-GLYPH alone, for adding to a catalogue that already holds the other preflight rules. */
export function glyphRules(glyphs: GlyphCoverage): Rule[] {
  return [glyphRule(glyphs)];
}
