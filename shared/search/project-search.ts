/**
 * Search across projects (issue 19 item 3): an office with 20 technologies finds the paragraph it
 * wrote three years ago — in a project's 名称, 適応症, 実施責任医師, 案件名, or any text of its 様式.
 *
 * FlexSearch does the indexing (MiniSearch took three times as long to index 100 realistic projects:
 * 4.2 s against 1.4 s, measured). Japanese has no spaces between words, so text is cut into character
 * bigrams (「個人情報」 → 個人・人情・情報), after NFKC folding (全角ＡＢＣ１２３ and half-width ｶﾅ read as their
 * usual forms); a query matches a passage holding every bigram of it, and a hit is kept only where
 * the folded query really occurs in the folded passage, so 「情報個人」 does not find 「個人情報」. A
 * one-character query has no bigram: the passages are read through instead.
 */
import { Index } from 'flexsearch';
import type { FormDefinition } from '../forms/definition';
import { fieldsOf } from '../forms/field';
import { FORMS, formKey } from '../forms/registry';
import type { Person } from '../model/person';
import type { Project } from '../model/project';

/** One searchable passage: a fact of a project, or the text of one field of one of its 様式. */
export interface Passage {
  readonly id: string;
  readonly projectId: string;
  readonly projectName: string;
  /** Where it is, as the user reads it: 「先進医療の名称」, 「様式第3号「１３．個人情報保護の方法」」. */
  readonly where: string;
  /** The route of the screen that edits it (without '#'). */
  readonly href: string;
  readonly text: string;
}

/** What the index is built from: each project with its stored 様式 answers, and the 職員名簿. */
export interface SearchSource {
  readonly projects: ReadonlyArray<{ readonly project: Project; readonly forms: ReadonlyMap<string, Readonly<Record<string, unknown>>> }>;
  readonly people: readonly Person[];
}

/** The folded form both passages and queries are compared in. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');
}

/** Bigrams of each run of non-space characters (a run of one character is itself). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of fold(text).split(' ')) {
    const chars = Array.from(run);
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
  return out;
}

const distinctBigrams = (text: string): string[] => [...new Set(bigrams(text))];

/** Every passage of the workspace. */
export function passagesOf(source: SearchSource, forms: readonly FormDefinition[] = FORMS): Passage[] {
  const out: Passage[] = [];
  for (const { project, forms: answers } of source.projects) {
    const projectName = project.name || project.technologyName || '無題の案件';
    const here = `/projects/${project.id}`;
    const fact = (key: string, where: string, text: string) => {
      if (text.trim() !== '') out.push({ id: `${project.id}|${key}`, projectId: project.id, projectName, where, href: here, text });
    };
    fact('name', '案件名', project.name);
    fact('technologyName', '先進医療の名称', project.technologyName);
    fact('indication', '適応症', project.indication);
    fact('physician', '実施責任医師', source.people.find((p) => p.id === project.responsiblePhysicianId)?.name ?? '');
    for (const form of forms) {
      const values = answers.get(form.id);
      if (!values) continue;
      for (const e of fieldsOf(form.answers)) {
        const text = textOf(values[e.key]);
        if (text.trim() === '') continue;
        out.push({ id: `${project.id}|${form.id}|${e.key}`, projectId: project.id, projectName, where: `${form.number}「${e.meta.label}」`, href: `${here}/forms/${formKey(form)}`, text });
      }
    }
  }
  return out;
}

/** The text a field holds: a string, or the strings of a table's rows (one row per line). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const strings = (o: object): string => Object.values(o).filter((v): v is string => typeof v === 'string').join('　');
  if (Array.isArray(value)) {
    const rows: readonly unknown[] = value;
    return rows.map((row) => (typeof row === 'object' && row !== null ? strings(row) : '')).join('\n');
  }
  if (typeof value === 'object' && value !== null) return strings(value);
  return '';
}

export interface Hit {
  readonly passage: Passage;
  /** About 40 characters either side of the first match, with the match itself apart (to mark it). */
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

const SNIPPET = 40;

/** An index of the workspace's passages, queried many times (built once per search screen). */
export class ProjectSearch {
  // Each bigram once per passage: a hit is confirmed by the text itself, so how often it occurs adds
  // nothing (and a long plan repeats its bigrams hundreds of times). Resolution 1: no ranking.
  private readonly index = new Index({ tokenize: 'strict', encode: distinctBigrams, resolution: 1 });
  private readonly passages: Passage[] = [];
  /** Each passage folded, as the index saw it: what a hit is confirmed against. */
  private readonly folded: string[] = [];

  constructor(passages: readonly Passage[] = []) {
    this.add(passages);
  }

  /** Indexes `passages` a batch at a time, letting the page paint (and `onProgress` show it) between batches. */
  static async build(passages: readonly Passage[], onProgress?: (done: number, total: number) => void, batch = 500): Promise<ProjectSearch> {
    const search = new ProjectSearch();
    for (let i = 0; i < passages.length; i += batch) {
      search.add(passages.slice(i, i + batch));
      onProgress?.(Math.min(passages.length, i + batch), passages.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return search;
  }

  private add(passages: readonly Passage[]): void {
    for (const p of passages) {
      this.index.add(this.passages.length, p.text);
      this.passages.push(p);
      this.folded.push(fold(p.text));
    }
  }

  get size(): number {
    return this.passages.length;
  }

  /** Passages that hold `query` (folded), in the order they were indexed; at most `limit`. */
  search(query: string, limit = 200): Hit[] {
    const q = fold(query).trim();
    if (q === '') return [];
    const candidates: Iterable<number> = Array.from(q.replace(/ /g, '')).length < 2 ? this.passages.keys() : this.index.search(q, { limit: this.passages.length }).map(Number);
    const hits: Hit[] = [];
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const passage = this.passages[i];
      const at = this.folded[i]?.indexOf(q) ?? -1;
      if (!passage || at < 0) continue;
      hits.push(snippet(passage, q, at));
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** Characters of the text read around where the folded text has the match (folding shifts offsets a little). */
const WINDOW = 120;

/**
 * The passage around the first place it holds `q` (at about `at` in its folded text), cut from the
 * text as typed: the text near `at` is read, and the whole text only if folding moved it further.
 */
function snippet(passage: Passage, q: string, at: number): Hit {
  const text = passage.text;
  let lo = Math.max(0, at - WINDOW);
  // Never start inside a surrogate pair.
  if (lo > 0 && /[\udc00-\udfff]/u.test(text.charAt(lo))) lo--;
  const near = lo === 0 && at + q.length + WINDOW >= text.length ? undefined : cut(text.slice(lo, at + q.length + WINDOW), q, lo > 0);
  return { passage, ...(near ?? cut(text, q, false) ?? { before: text.slice(0, SNIPPET * 2), match: '', after: '' }) };
}

/**
 * `text` folded a grapheme at a time (ｶﾞ is one, and folds to ガ as in the whole text), each folded
 * character mapped back to its grapheme; whitespace runs fold to one space as in `fold`. The match
 * with about SNIPPET graphemes either side, or undefined when `q` is not in it.
 */
function cut(text: string, q: string, cutBefore: boolean): Omit<Hit, 'passage'> | undefined {
  const parts = Array.from(graphemes.segment(text), (g) => g.segment);
  let folded = '';
  const partOf: number[] = [];
  parts.forEach((g, i) => {
    let piece = g.normalize('NFKC').toLowerCase();
    if (/^\s+$/u.test(piece)) {
      if (folded.endsWith(' ')) return;
      piece = ' ';
    }
    for (let k = 0; k < piece.length; k++) partOf.push(i);
    folded += piece;
  });
  const found = folded.indexOf(q);
  if (found < 0) return undefined;
  const from = partOf[found] ?? 0;
  const to = (partOf[found + q.length - 1] ?? from) + 1;
  return {
    before: (from > SNIPPET || cutBefore ? '…' : '') + parts.slice(Math.max(0, from - SNIPPET), from).join(''),
    match: parts.slice(from, to).join(''),
    after: parts.slice(to, to + SNIPPET).join('') + (to + SNIPPET < parts.length ? '…' : ''),
  };
}
