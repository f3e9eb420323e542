/**
 * The one way a document is written (DATA-10): the row and its revision in one transaction, refused
 * when another window saved the document since this one read it.
 */
import type { SenshinDb, WorkTable } from './database';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import type { RevisionLog } from './revisions';
import { write } from './write';
import { TABLES } from '../../shared/io/tables';

export interface DocWrite {
  readonly table: WorkTable;
  readonly docKey: string;
  readonly row: object;
}

/** `tables`: where the documents live, when `doc` computes them inside the transaction. */
export interface PutDocOptions {
  readonly check?: boolean;
  readonly kind?: 'edit' | 'revert';
  readonly also?: ReadonlyArray<DocWrite>;
  /** The project the document belongs to: a save after the project was deleted is refused. */
  readonly projectId?: string;
  /** Tables the documents live in, when they are computed inside the transaction. */
  readonly tables?: readonly WorkTable[];
}

/**
 * Writes one document and its revision in one transaction (DATA-10): refused when another
 * window saved it since this one read it. `also`: further rows of the same edit, written in the
 * same transaction with their own revisions but without the check (e.g. the 医療技術名 that the
 * 事前相談申込書 also sets on the project).
 */
export async function putDoc(
  store: { readonly db: SenshinDb; readonly revisions: RevisionLog; readonly readOnly: boolean },
  what: string,
  doc: DocWrite | (() => Promise<ReadonlyArray<DocWrite>>),
  at: string,
  options: PutDocOptions = {},
): Promise<void> {
  if (store.readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
  const given = typeof doc === 'function' ? [] : [doc, ...(options.also ?? [])];
  const tableNames = [...given.map((d) => d.table), ...(options.tables ?? []), ...(options.projectId === undefined ? [] : (['projects'] as const))];
  const tables = [...new Set(tableNames)].map((t) => store.db.table(t));
  const revs = await write(what, () =>
    store.db.transaction('rw', [...tables, store.db.revisions], async () => {
      if (options.projectId !== undefined && (await store.db.projects.get(options.projectId)) === undefined) {
        throw new DbError('not-found', 'この案件は削除されたため、保存できません。入力した内容は画面に残っています。');
      }
      const all = typeof doc === 'function' ? await doc() : given;
      const out: Array<[string, number]> = [];
      for (const d of all) {
        if (TABLES[d.table].immutable === true) {
          // Written once (an as-filed copy): `add` fails if it exists, and no revision duplicates its bytes.
          if ((await store.db.table(d.table).get(d.docKey.slice(d.docKey.indexOf(':') + 1))) !== undefined) throw new DbError('invalid', `${what}：提出済みの控えは書き換えられません。`);
          await store.db.table(d.table).add(d.row);
          continue;
        }
        const rev = await store.revisions.record(d.docKey, d.table, d.row, options.kind ?? 'edit', at, options.check ?? true);
        await store.db.table(d.table).put(d.row);
        out.push([d.docKey, rev]);
      }
      return out;
    }),
  );
  for (const [k, rev] of revs) store.revisions.confirm(k, rev);
}
