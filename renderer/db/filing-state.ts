/** What the filing repositories (filings-repo.ts, attachments-repo.ts) share about a filing being written. */
import { FILING_STATUS_LABEL, type Filing } from '../../shared/filings/filing';

export const now = (): string => new Date().toISOString();

/** Why a filing's document can no longer be saved (undefined while it is 作成中). */
export function frozenMessage(filing: Filing): string | undefined {
  if (filing.status === 'draft') return undefined;
  return `この届出は「${FILING_STATUS_LABEL[filing.status]}」のため、内容を書き換えられません。${filing.status === 'withdrawn' ? '' : '提出した内容は控えに残っています。'}`;
}
