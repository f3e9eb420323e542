/**
 * A 作成中 filing's attached PDFs and its 下書き／提出用 choice (issue 15 items 5 and 6), reached as
 * `repos.filings.attachments`. Split from filings-repo.ts, which keeps the filings' life and documents.
 */
import { MAX_ATTACHMENTS, inspectPdf, type AttachmentFile, type FilingAttachment } from '../../shared/filings/attachments';
import { toFiledFile } from '../../shared/filings/files';
import type { Filing, FilingCopy } from '../../shared/filings/filing';
import { docKeyOfRow } from '../../shared/io/tables';
import type { SenshinDb } from './database';
import { DbError } from './errors';
import { frozenMessage, now } from './filing-state';
import { putDoc } from './put-doc';
import { docKeys, type RevisionLog } from './revisions';
import { attachmentFileRowSchema, filingRowSchema } from './rows';
import { parseEach, validate } from './write';

/** A PDF to attach: checked by inspectPdf (its page count) before it is offered here. */
export interface NewAttachment {
  readonly title: string;
  /** Which of the package's expected papers it is, or ''. */
  readonly kind: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * Attachments of a filing (issue 15 item 5): added, moved, renamed and removed only while the
 * filing is 作成中; each change rewrites the filing row (its ordered list) read inside the
 * transaction, and the bytes are written once (no revision copies them) or deleted with it.
 */
export class AttachmentRepository {
  constructor(private readonly store: { readonly db: SenshinDb; readonly revisions: RevisionLog; readonly readOnly: boolean }) {}

  /** The stored bytes of `filing`'s attachments, in the filing's order (rows that do not read are left out). */
  async files(filing: Pick<Filing, 'id' | 'attachments'>): Promise<AttachmentFile[]> {
    const { rows } = parseEach(attachmentFileRowSchema, await this.store.db.attachmentFiles.where('filingId').equals(filing.id).toArray());
    return (filing.attachments ?? []).flatMap((a) => rows.filter((r) => r.id === a.id));
  }

  /**
   * Attaches a PDF at the end of the filing's list. The file is checked again here (size, PDF,
   * encryption, pages): nothing is stored unless it passes. Returns the filing as written.
   */
  async add(filingId: string, input: NewAttachment): Promise<Filing> {
    const checked = await inspectPdf(input.bytes);
    if (!checked.ok) throw new DbError('invalid', checked.message);
    const id = crypto.randomUUID();
    const t = now();
    const file = toFiledFile(input.fileName || 'attachment.pdf', input.bytes, checked.pages);
    return this.edit(filingId, '添付したPDF', t, (filing, list) => {
      if (list.length >= MAX_ATTACHMENTS) throw new DbError('invalid', `添付できるPDFは1つの届出に${MAX_ATTACHMENTS}件までです。`);
      const row = validate(attachmentFileRowSchema, { id, filingId, projectId: filing.projectId, fileName: input.fileName.slice(0, 300), pages: checked.pages, size: file.size, sha256: file.sha256, base64: file.base64, addedAt: t }, '添付したPDF');
      return { list: [...list, { id, title: input.title, kind: input.kind }], extra: [{ table: 'attachmentFiles' as const, docKey: docKeyOfRow('attachmentFiles', row) ?? `attachment:${id}`, row }] };
    });
  }

  /** Moves an attachment one place up (-1) or down (+1) in filing order. */
  async move(filingId: string, id: string, delta: -1 | 1): Promise<Filing> {
    return this.edit(filingId, '添付の順番', now(), (_, list) => {
      const i = list.findIndex((a) => a.id === id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= list.length) return { list };
      const next = [...list];
      [next[i], next[j]] = [next[j] ?? list[i]!, next[i] ?? list[j]!];
      return { list: next };
    });
  }

  /** Renames an attachment (its line on the contents page and its bookmark). */
  async rename(filingId: string, id: string, title: string): Promise<Filing> {
    return this.edit(filingId, '添付書類の名称', now(), (_, list) => ({ list: list.map((a) => (a.id === id ? { ...a, title } : a)) }));
  }

  /** Takes an attachment off the filing and deletes its bytes. */
  async remove(filingId: string, id: string): Promise<Filing> {
    const { db } = this.store;
    return this.edit(filingId, '添付の取り外し', now(), async (_, list) => {
      await db.attachmentFiles.delete(id);
      return { list: list.filter((a) => a.id !== id) };
    });
  }

  /** Which copy the filing prints (下書き / 提出用) and, for 提出用, whether its pages are numbered through. */
  async setCopy(filingId: string, copy: FilingCopy, pageNumbers: boolean): Promise<Filing> {
    return this.edit(filingId, '書類の種類（下書き・提出用）', now(), (_, list) => ({ list, fields: { copy, pageNumbers } }));
  }

  /** One edit of a 作成中 filing's attachments, on the row read inside the transaction. */
  private async edit(
    filingId: string,
    what: string,
    t: string,
    change: (filing: Filing, list: readonly FilingAttachment[]) => { readonly list: readonly FilingAttachment[]; readonly fields?: Pick<Filing, 'copy' | 'pageNumbers'>; readonly extra?: ReadonlyArray<{ readonly table: 'attachmentFiles'; readonly docKey: string; readonly row: AttachmentFile }> } | Promise<{ readonly list: readonly FilingAttachment[]; readonly fields?: Pick<Filing, 'copy' | 'pageNumbers'> }>,
  ): Promise<Filing> {
    let written: Filing | undefined;
    await putDoc(
      this.store,
      what,
      async () => {
        const r = filingRowSchema.safeParse(await this.store.db.filings.get(filingId));
        if (!r.success) throw new DbError('not-found', '届出が見つかりません。削除された可能性があります。');
        const filing = r.data;
        const frozen = frozenMessage(filing);
        if (frozen) throw new DbError('invalid', `${what}を保存できませんでした：${frozen}`);
        const out = await change(filing, filing.attachments ?? []);
        written = validate(filingRowSchema, { ...filing, ...out.fields, attachments: out.list, rev: filing.rev + 1, updatedAt: t }, what);
        return [{ table: 'filings' as const, docKey: docKeys.filing(filingId), row: written }, ...('extra' in out ? (out.extra ?? []) : [])];
      },
      t,
      { check: false, tables: ['filings', 'attachmentFiles'] },
    );
    if (!written) throw new DbError('not-found', '届出が見つかりません。');
    return written;
  }
}

