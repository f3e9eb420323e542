/**
 * Checked pairs (issue 15 item 1, docs/facts.md): facts the official forms ask twice, in two forms'
 * own words, that cannot be one stored fact without rewording a form. Each pair is compared as the
 * user typed it — the counts outside parenthesised notes (「３名（消化器外科1名を含む）」), full-width
 * digits — and offers 「この値に統一」 where one span of each side states the fact.
 */
import type { z } from 'zod';
import type { FormDefinition } from '../../forms/definition';
import { yoshiki11, yoshiki12 } from '../../forms/besshi1/yoshiki1';
import { yoshiki2 } from '../../forms/besshi1/yoshiki2';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki82 } from '../../forms/besshi1/yoshiki8';
import { findCounts, type Found } from '../extract';
import { atField, inPackage, textOf, type Submission, type TextKey } from '../submission';
import type { Agreement, AgreementPlace, FieldLocation, Hit, Rule } from '../types';

/** One side of a pair: a string field of a form, read and located through the form's definition. */
interface Side {
  readonly formId: string;
  readonly key: string;
  text(s: Submission): string;
  at(): FieldLocation;
}

const side = <S extends z.ZodObject>(form: FormDefinition<S>, key: TextKey<S>): Side => ({ formId: form.id, key, text: (s) => textOf(s, form, key), at: () => atField(form, key) });

/** Text compared as meaning: NFKC (full-width digits and brackets), no spaces, no final 。. */
export function normalizedFact(s: string): string {
  return s.normalize('NFKC').replace(/\s/g, '').replace(/。$/, '');
}

/** The [start, end) ranges of parenthesised notes 「（…）」「(…)」, nested ones included in the outer. */
function noteRanges(s: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '（' || c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '）' || c === ')') && depth > 0) {
      depth--;
      if (depth === 0) out.push([start, i + 1]);
    }
  }
  if (depth > 0) out.push([start, s.length]);
  return out;
}

/** Counts (「22例」「３名」) outside parenthesised notes: what the text states as its number. */
export function statedCounts(s: string): Found<number>[] {
  const notes = noteRanges(s);
  return findCounts(s).filter((f) => !notes.some(([a, b]) => f.start >= a && f.start < b));
}

interface Read {
  readonly side: Side;
  readonly text: string;
  readonly counts: Found<number>[];
}

function read(s: Submission, x: Side): Read {
  const text = x.text(s);
  return { side: x, text, counts: statedCounts(text) };
}

const total = (counts: readonly Found<number>[]): number => counts.reduce((n, c) => n + c.value, 0);

/** A place whose digits 「この値に統一」 rewrites (only the digits: the unit and the prose stay as typed). */
function countPlace(r: Read): AgreementPlace | undefined {
  const c = r.counts.length === 1 ? r.counts[0] : undefined;
  if (!c) return undefined;
  const digits = /^[0-9０-９]+/.exec(c.text)?.[0] ?? '';
  return {
    location: r.side.at(),
    value: String(c.value),
    display: c.text,
    span: { doc: r.side.formId, field: r.side.key, start: c.start, end: c.start + digits.length, text: digits },
    context: c.sentence.trim(),
  };
}

/** A place whose whole text 「この値に統一」 replaces. */
function wholePlace(r: Read): AgreementPlace {
  return {
    location: r.side.at(),
    value: r.text,
    display: r.text.trim(),
    span: { doc: r.side.formId, field: r.side.key, start: 0, end: r.text.length, text: r.text },
    context: r.text.trim(),
  };
}

/**
 * 「この値に統一」 for an answer stated whole in two forms (a 有・無, a short sentence): choosing one
 * place writes its whole text into the other. For rules kept elsewhere (R-X-4's 補償の有無・保険への加入の有無).
 */
export function wholeAnswerAgreement(fact: string, places: ReadonlyArray<{ readonly location: FieldLocation; readonly text: string }>): Agreement {
  return {
    fact,
    format: 'text',
    places: places.map((p) => ({
      location: p.location,
      value: p.text,
      display: p.text.trim(),
      ...(p.location.field !== undefined ? { span: { doc: p.location.doc, field: p.location.field, start: 0, end: p.text.length, text: p.text } } : {}),
      context: p.text.trim(),
    })),
  };
}

/** 「様式第3号「既に実績のある症例数」」 as the user reads it. */
const where = (r: Read): string => r.side.at().label;

/**
 * A count typed in two forms (症例数, 当直医師の人数): compared when both state one; the total of the
 * counts outside notes when a side lists several (「内科1名、外科2名」 = 3名).
 */
function countPair(s: Submission, fact: string, a: Side, b: Side): Hit[] {
  if (!inPackage(s, a.formId) || !inPackage(s, b.formId)) return [];
  const ra = read(s, a);
  const rb = read(s, b);
  if (ra.text.trim() === '' || rb.text.trim() === '') return [];
  if (ra.counts.length > 0 && rb.counts.length > 0) {
    if (total(ra.counts) === total(rb.counts)) return [];
    const pa = countPlace(ra);
    const pb = countPlace(rb);
    const agreement: Agreement | undefined = pa && pb ? { fact, format: 'count', places: [pa, pb] } : undefined;
    return [
      {
        message: `${fact}が${where(ra)}では「${ra.counts.map((c) => c.text).join('、')}」、${where(rb)}では「${rb.counts.map((c) => c.text).join('、')}」です。同じ事実なので同じ数にしてください。`,
        locations: [a.at(), b.at()],
        ...(agreement ? { agreement } : {}),
        discriminator: 'count',
      },
    ];
  }
  return textPair(s, fact, a, b);
}

/** Free text typed in two forms for the same fact: the same words (spaces and width aside). */
function textPair(s: Submission, fact: string, a: Side, b: Side): Hit[] {
  if (!inPackage(s, a.formId) || !inPackage(s, b.formId)) return [];
  const ra = read(s, a);
  const rb = read(s, b);
  if (ra.text.trim() === '' || rb.text.trim() === '' || normalizedFact(ra.text) === normalizedFact(rb.text)) return [];
  return [
    {
      message: `${fact}が${where(ra)}と${where(rb)}で異なる文になっています。同じ事実なので、どちらかの文に統一してください。`,
      locations: [a.at(), b.at()],
      agreement: { fact, format: 'text', places: [wholePlace(ra), wholePlace(rb)] },
      discriminator: 'text',
    },
  ];
}

/** 様式第1-1号 where the package has it, else 様式第1-2号 (先進医療A's 新規施設届出書). */
function form1(s: Submission): Side {
  return inPackage(s, yoshiki11.id) ? side(yoshiki11, 'otherMeasures') : side(yoshiki12, 'otherMeasures');
}

/**
 * The checked pairs as field pairs (both 様式第1号 variants): which answer of another form of the
 * package states the same fact. A pair's side left blank is copied from the other with 「この値に統一」
 * (`copyablePair`), so the fact is typed once even where the forms print it twice.
 */
const CHECKED_PAIRS: ReadonlyArray<{ readonly fact: string; readonly sides: readonly [Side, Side] }> = [
  ...[yoshiki11, yoshiki12].flatMap((y1) => [
    { fact: '補償の有無', sides: [side(y1, 'compensation'), side(yoshiki3, 'compensation')] as const },
    { fact: '保険への加入の有無', sides: [side(y1, 'insurance'), side(yoshiki3, 'insurance')] as const },
    { fact: 'その他の措置', sides: [side(y1, 'otherMeasures'), side(yoshiki3, 'otherMeasures')] as const },
  ]),
  { fact: '当直体制', sides: [side(yoshiki2, 'applicantDuty'), side(yoshiki82, 'nightDuty')] },
  { fact: '既に実績のある症例数', sides: [side(yoshiki3, 'casesDone'), side(yoshiki82, 'casesDone')] },
];

/**
 * For an answer left blank that is one side of a checked pair whose other side (in the package) is
 * typed: 「この値に統一」 writing the typed answer into the blank one. Undefined otherwise.
 */
export function copyablePair(s: Submission, formId: string, key: string): Agreement | undefined {
  for (const { fact, sides } of CHECKED_PAIRS) {
    const i = sides.findIndex((x) => x.formId === formId && x.key === key);
    const blank = sides[i];
    const other = sides[1 - i];
    if (!blank || !other || !inPackage(s, other.formId) || !inPackage(s, formId)) continue;
    const typed = other.text(s);
    if (typed.trim() === '') continue;
    return wholeAnswerAgreement(fact, [
      { location: other.at(), text: typed },
      { location: blank.at(), text: blank.text(s) },
    ]);
  }
  return undefined;
}

export const factPairRules: readonly Rule[] = [
  {
    id: 'R-ID-10',
    title: 'その他の措置（様式第1号と様式第3号）',
    severity: 'warning',
    basis: '記載要領 第2(5)・第4(9)③：その他の措置は様式第1号と様式第3号(9)で同じ定義（同じ事実を二度記載）',
    check: (s) => textPair(s, 'その他の措置', form1(s), side(yoshiki3, 'otherMeasures')),
  },
  {
    id: 'R-ID-11',
    title: '当直体制（様式第2号と様式第8-2号）',
    severity: 'warning',
    basis: '記載要領 第3(1)②・第8(3)：申請医療機関の当直体制は様式第2号と様式第8-2号で同じ事実',
    check: (s) => countPair(s, '当直体制', side(yoshiki2, 'applicantDuty'), side(yoshiki82, 'nightDuty')),
  },
  {
    id: 'R-P-6',
    title: '既に実績のある症例数（様式第3号と様式第8-2号）',
    severity: 'warning',
    basis: '記載要領 第4(7-2)①・第8(3)：様式第3号の既に実績のある症例数と様式第8-2号の医療機関としての実施症例数は同じ事実',
    check: (s) => countPair(s, '既に実績のある症例数', side(yoshiki3, 'casesDone'), side(yoshiki82, 'casesDone')),
  },
];
