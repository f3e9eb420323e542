/**
 * 定型文 (issue 19 item 2): the office's standard paragraphs — 医療安全対策, 当直体制, 個人情報の保護の
 * 方法, モニタリング体制, 補償・保険 … — kept once in マスタ and inserted into any long-text field.
 * Placeholders such as 「{実施責任医師}」 are filled from the project when inserted; the inserted text is a
 * copy, so editing the 定型文 later never changes what a form already says.
 */
import { z } from 'zod';
import type { SubmissionFacts } from '../forms/definition';

const t = (max: number) => z.string().max(max, { message: `${max.toLocaleString('ja-JP')}文字以内で入力してください` });

export const phraseSchema = z.object({
  id: z.string().min(1).max(64),
  /** What the office calls it: 「個人情報の保護（匿名化・院内保管）」. */
  name: t(100),
  text: t(20_000),
  /** The fields it suits, as `<formId>:<fieldKey>` (様式第3号「１３．個人情報保護の方法」): offered first there. */
  fields: z.array(z.string().min(1).max(200)).max(100).default([]),
  updatedAt: z.string().max(40),
});
export type Phrase = z.infer<typeof phraseSchema>;

export const phrasesSchema = z.array(phraseSchema).max(2000);

/** The placeholders a 定型文 may use, and what fills each. */
export const PLACEHOLDERS = ['先進医療の名称', '適応症', '実施責任医師', '実施診療科', '医療機関名'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface Filled {
  readonly text: string;
  /** Placeholders left in the text because the project has no value for them yet. */
  readonly unfilled: readonly string[];
  /** 「{…}」 that is not a placeholder: left as typed. */
  readonly unknown: readonly string[];
}

const BRACED = /[{｛]([^{}｛｝\n]{1,30})[}｝]/g;

/**
 * The 定型文's text with each 「{placeholder}」 (full-width braces too) replaced by the project's value.
 * A placeholder with no value yet stays as written, so the gap shows; anything else in braces is text.
 */
export function fillPlaceholders(text: string, values: Readonly<Partial<Record<Placeholder, string>>>): Filled {
  const unfilled = new Set<string>();
  const unknown = new Set<string>();
  const out = text.replace(BRACED, (whole, inner: string) => {
    const name = inner.trim();
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      unknown.add(whole);
      return whole;
    }
    const value = values[name as Placeholder]?.trim() ?? '';
    if (value === '') {
      unfilled.add(`{${name}}`);
      return whole;
    }
    return value;
  });
  return { text: out, unfilled: [...unfilled], unknown: [...unknown] };
}

/** What fills each placeholder in a project (its facts as the forms print them). */
export function placeholderValues(facts: Pick<SubmissionFacts, 'technologyName' | 'indication' | 'responsiblePhysician' | 'institution'>): Partial<Record<Placeholder, string>> {
  return {
    先進医療の名称: facts.technologyName,
    適応症: facts.indication,
    実施責任医師: facts.responsiblePhysician?.name ?? '',
    実施診療科: facts.responsiblePhysician?.department ?? '',
    医療機関名: facts.institution?.name ?? '',
  };
}

/** The field reference a 定型文 lists. */
export const phraseField = (formId: string, key: string): string => `${formId}:${key}`;

/** The 定型文 for a field: those that suit it first (by name), then the others (by name). */
export function phrasesFor(list: readonly Phrase[], field: string): { readonly suited: Phrase[]; readonly others: Phrase[] } {
  const byName = (a: Phrase, b: Phrase) => a.name.localeCompare(b.name, 'ja');
  return { suited: list.filter((p) => p.fields.includes(field)).sort(byName), others: list.filter((p) => !p.fields.includes(field)).sort(byName) };
}
