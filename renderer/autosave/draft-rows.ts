/**
 * Draft rows (issue 15 item 4): a row the user has just added and not typed into yet is a draft, not
 * a save failure. The editor notes each row as it is added (its content then — blank cells and the
 * screen's defaults such as 残存価格 0・数量 1); while a row still reads exactly so, it is left out
 * of a save that its blank cells would make fail, and kept on screen. Typing into it makes it a row
 * like any other, saved — or refused with the field's own message.
 *
 * Rows are told apart by their content only (an `id`/`key` is a new uuid each time): two drafts of
 * the same list look alike and are both drafts. Only a single added row is noted: rows that arrive
 * several at once (an import, a roll-forward) are data, never drafts.
 */

/** Keys that identify a row rather than hold what the user typed. */
const ID_KEYS: ReadonlySet<string> = new Set(['id', 'key']);

/** Per list (its path with row numbers as `*`: 'committees.*.members'), the content of rows as added. */
export type RowTemplates = Map<string, Set<string>>;

type Row = Readonly<Record<string, unknown>>;

function isRow(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The row's content without its id, keys sorted: equal for two rows as the same add makes them. */
function signature(row: Row): string {
  const content = Object.keys(row)
    .filter((k) => !ID_KEYS.has(k))
    .sort()
    .map((k) => [k, row[k]]);
  return JSON.stringify(content);
}

function idOf(row: unknown): string | undefined {
  if (!isRow(row)) return undefined;
  const id = row.id ?? row.key;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Notes the rows `next` has and `prev` had not (compared by id, or by position for rows without one)
 * as drafts-to-be, when exactly one row was added to a list. Lists inside rows are followed too.
 */
export function noteAddedRows(prev: unknown, next: unknown, templates: RowTemplates, path = ''): void {
  if (Array.isArray(next)) {
    const before: readonly unknown[] = Array.isArray(prev) ? prev : [];
    const after: readonly unknown[] = next;
    const beforeIds = new Set(before.map(idOf).filter((id) => id !== undefined));
    const byId = after.every((r) => idOf(r) !== undefined) && before.every((r) => idOf(r) !== undefined);
    const added = after.filter((r, i) => isRow(r) && (byId ? !beforeIds.has(idOf(r) ?? '') : i >= before.length));
    const listPath = join(path, '*');
    if (added.length === 1 && after.length === before.length + 1) {
      const [row] = added;
      if (isRow(row)) {
        const set = templates.get(listPath) ?? new Set<string>();
        set.add(signature(row));
        templates.set(listPath, set);
      }
    }
    after.forEach((r, i) => {
      const id = byId ? idOf(r) : undefined;
      const old = id !== undefined ? before.find((b) => idOf(b) === id) : before[i];
      noteAddedRows(old, r, templates, listPath);
    });
    return;
  }
  if (isRow(next)) {
    const old = isRow(prev) ? prev : {};
    for (const k of Object.keys(next)) noteAddedRows(old[k], next[k], templates, join(path, k));
  }
}

/** `value` without its draft rows (at any depth), and how many there were. */
export function withoutDraftRows<T>(value: T, templates: RowTemplates): { readonly value: T; readonly drafts: number } {
  let drafts = 0;
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) {
      const listPath = join(path, '*');
      const known = templates.get(listPath);
      const kept: unknown[] = [];
      for (const r of v as readonly unknown[]) {
        if (known && isRow(r) && known.has(signature(r))) {
          drafts++;
          continue;
        }
        kept.push(walk(r, listPath));
      }
      return kept;
    }
    if (isRow(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, join(path, k))]));
    return v;
  };
  // The walk keeps the shape of `value`: only rows of its lists are left out.
  const out = walk(value, '') as T;
  return { value: out, drafts };
}

/**
 * Saves `values`; when the save refuses them as input (`refused`) and rows just added are in them,
 * saves them again without those rows. Resolves to how many rows were left out (0: all saved);
 * rejects as the save does when the rest is refused too (or with no draft row to leave out).
 */
export async function saveKeepingDrafts<T>(save: (values: T) => Promise<void>, values: T, templates: RowTemplates, refused: (e: unknown) => boolean): Promise<number> {
  try {
    await save(values);
    return 0;
  } catch (e) {
    if (!refused(e)) throw e;
    const stripped = withoutDraftRows(values, templates);
    if (stripped.drafts === 0) throw e;
    await save(stripped.value);
    return stripped.drafts;
  }
}

/** Whether `row` of the list at `list` ('equipment', 'committees.*.members') is a draft: added and not typed into. */
export function isDraftRow(templates: RowTemplates, list: string, row: unknown): boolean {
  return isRow(row) && (templates.get(join(list, '*'))?.has(signature(row)) ?? false);
}
