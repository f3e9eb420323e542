/**
 * Sites of a project — 申請・調整・協力医療機関, 委託側・受託側 — and a site's own 様式 answers (issue 11).
 * Only this module writes them.
 *
 * The sites screen edits the project's sites as one list: `saveAll` writes every site with its own
 * revision (refused when another window saved one since this window read it) and removes the ones
 * taken off the list, with their answers, in one transaction.
 */
import type { z } from 'zod';
import type { FormDefinition } from '../../shared/forms/definition';
import { formVersion, readAnswers } from '../../shared/forms/versioning';
import type { Site } from '../../shared/model/site';
import type { SenshinDb } from './database';
import { DbError, READ_ONLY_MESSAGE } from './errors';
import { docKeys, type RevisionLog } from './revisions';
import { filingRowSchema, siteAnswersRowSchema, siteRowSchema } from './rows';
import { filingLabel } from '../../shared/filings/filing';
import { parseEach, validate, write } from './write';

const now = (): string => new Date().toISOString();
const siteFormKey = (siteId: string, formId: string): string => `site-form:${siteId}:${formId}`;

export class SiteRepository {
  constructor(private readonly store: { readonly db: SenshinDb; readonly revisions: RevisionLog; readonly readOnly: boolean }) {}

  /** The project's sites in the order they were added; each noted as read. Unreadable rows are counted. */
  async list(projectId: string): Promise<{ readonly sites: Site[]; readonly unreadable: number }> {
    const { rows: sites, unreadable } = parseEach(siteRowSchema, await this.store.db.sites.where('projectId').equals(projectId).toArray());
    await Promise.all(sites.map((x) => this.store.revisions.noteRead(docKeys.site(x.id))));
    sites.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    return { sites, unreadable };
  }

  /**
   * Writes the project's list of sites: changed ones get a new revision, removed ones are deleted
   * with their answers (each with a revision, so the history can bring them back). A stored site
   * this window never read was added by another window: it is a conflict, never a silent deletion.
   * A site a filing is for cannot be removed. Unreadable stored rows are left alone (DATA-09).
   */
  async saveAll(projectId: string, sites: readonly Site[], editedAt: string = now()): Promise<void> {
    const { db, revisions } = this.store;
    if (this.store.readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
    const rows = sites.map((x) => validate(siteRowSchema, { ...x, projectId, updatedAt: editedAt }, `実施医療機関「${x.name || '名称未入力'}」`));
    const confirmed = await write('実施医療機関', () =>
      db.transaction('rw', [db.projects, db.sites, db.siteAnswers, db.filings, db.revisions], async () => {
        if ((await db.projects.get(projectId)) === undefined) throw new DbError('not-found', 'この案件は削除されたため、保存できません。入力した内容は画面に残っています。');
        const out: Array<[string, number]> = [];
        const before = new Map<string, Site>();
        for (const raw of await db.sites.where('projectId').equals(projectId).toArray()) {
          const r = siteRowSchema.safeParse(raw);
          if (r.success) before.set(r.data.id, r.data);
        }
        for (const row of rows) {
          const old = before.get(row.id);
          before.delete(row.id);
          if (old && JSON.stringify({ ...old, updatedAt: '', rev: 0 }) === JSON.stringify({ ...row, updatedAt: '', rev: 0 })) continue;
          const next = { ...row, rev: (old?.rev ?? 0) + 1 };
          out.push([docKeys.site(row.id), await revisions.record(docKeys.site(row.id), 'sites', next, 'edit', editedAt, true)]);
          await db.sites.put(next);
        }
        const filings = filingRowSchema.array().safeParse(await db.filings.where('projectId').equals(projectId).toArray());
        for (const gone of before.values()) {
          const key = docKeys.site(gone.id);
          if (!revisions.hasSeen(key)) throw new DbError('conflict', '別のウィンドウで医療機関が追加されたため、上書きせずに止めました。入力した内容は消えていません。「最新の内容を読み込む」か「この画面の内容で上書き」を選んでください。', { docKey: key });
          const usedBy = filings.success ? filings.data.find((f) => f.siteId === gone.id) : undefined;
          if (usedBy) throw new DbError('invalid', `「${gone.name || '名称未入力'}」は届出「${filingLabel(usedBy)}${usedBy.title ? ` ${usedBy.title}` : ''}」の医療機関のため削除できません。`);
          out.push([key, await revisions.record(key, 'sites', null, 'delete', editedAt, true)]);
          for (const answers of await db.siteAnswers.where('siteId').equals(gone.id).toArray()) {
            const formKey = siteFormKey(gone.id, answers.formId);
            out.push([formKey, await revisions.record(formKey, 'siteAnswers', null, 'delete', editedAt, false)]);
          }
          await db.sites.delete(gone.id);
          await db.siteAnswers.where('siteId').equals(gone.id).delete();
        }
        return out;
      }),
    );
    for (const [k, rev] of confirmed) revisions.confirm(k, rev);
  }

  /** A site's answers of one 様式 (undefined until it has some). */
  async getAnswers<S extends z.ZodObject>(siteId: string, form: FormDefinition<S>): Promise<z.output<S> | undefined> {
    await this.store.revisions.noteRead(siteFormKey(siteId, form.id));
    const row: unknown = await this.store.db.siteAnswers.get([siteId, form.id]);
    if (row === undefined) return undefined;
    const r = siteAnswersRowSchema.safeParse(row);
    const read = r.success ? readAnswers(form, r.data.answers, r.data.formVersion) : undefined;
    if (!read?.ok) throw new DbError('unreadable', `実施医療機関の${form.number}を読み取れませんでした。`);
    return read.answers;
  }

  /** Stores `answers` as the site's own copy of a 様式 (e.g. the 申請医療機関's 様式第9号 for a 協力医療機関). */
  async saveAnswers<S extends z.ZodObject>(projectId: string, siteId: string, form: FormDefinition<S>, answers: z.output<S>, editedAt: string = now()): Promise<void> {
    const { db, revisions } = this.store;
    if (this.store.readOnly) throw new DbError('read-only', READ_ONLY_MESSAGE);
    const parsed = validate(form.answers, answers, form.number);
    const row = validate(siteAnswersRowSchema, { siteId, projectId, formId: form.id, answers: parsed, formVersion: formVersion(form), updatedAt: editedAt }, form.number);
    const key = siteFormKey(siteId, form.id);
    const rev = await write(form.number, () =>
      db.transaction('rw', [db.sites, db.siteAnswers, db.revisions], async () => {
        if ((await db.sites.get(siteId)) === undefined) throw new DbError('not-found', 'この医療機関は削除されたため、保存できません。');
        const r = await revisions.record(key, 'siteAnswers', row, 'edit', editedAt, true);
        await db.siteAnswers.put(row);
        return r;
      }),
    );
    revisions.confirm(key, rev);
  }
}
