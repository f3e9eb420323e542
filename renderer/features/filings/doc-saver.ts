/**
 * Saving a filing's own document (変更申請, 照会回答: issue 13) from an editor. Each save names the
 * revision it read; after a conflict the stored revision is read again before the next save (not
 * through getDoc, which would mark the other window's text as seen): the revision log still refuses
 * it until the user chose 「この画面の内容で上書き」 (DATA-10).
 */
import type { FilingDocContent } from '../../../shared/filings/filing-doc';
import { DbError } from '../../db/errors';
import type { Repositories } from '../../db/repositories';

export function docSaver<T extends FilingDocContent>(repos: Repositories, filing: { readonly id: string }, rev: number): (value: T, editedAt: string) => Promise<void> {
  let current = rev;
  let stale = false;
  return async (value, editedAt) => {
    if (stale) current = await repos.filings.storedDocRev(filing.id);
    try {
      current = (await repos.filings.saveDoc(filing.id, value, current, editedAt)).rev;
      stale = false;
    } catch (e) {
      if (e instanceof DbError && e.code === 'conflict') stale = true;
      throw e;
    }
  };
}
