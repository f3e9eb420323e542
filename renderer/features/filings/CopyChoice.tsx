import { useState } from 'react';
import { FILING_COPIES, FILING_COPY_LABEL, type Filing, type FilingCopy } from '../../../shared/filings/filing';
import { useApp } from '../../app/context';

/**
 * 下書き／提出用 of one 作成中 filing's document (issue 15 item 6), remembered on the filing: the
 * draft carries 「案」 and the 「推定様式」 mark, the 提出用 copy neither. A filed filing prints its
 * as-filed copy (no choice).
 */
export function useFilingCopy(filing: Filing): { readonly copy: FilingCopy; readonly choice: React.ReactNode } {
  const { repos } = useApp();
  const [copy, setCopy] = useState<FilingCopy>(filing.copy ?? 'draft');
  const [error, setError] = useState<string>();
  const choose = async (next: FilingCopy): Promise<void> => {
    const before = copy;
    setCopy(next);
    setError(undefined);
    try {
      await repos.filings.attachments.setCopy(filing.id, next, false);
    } catch (e) {
      setCopy(before);
      setError(e instanceof Error ? e.message : '保存できませんでした。もう一度お試しください。');
    }
  };
  const choice = (
    <fieldset className="copy-choice">
      <legend>書類の種類</legend>
      {FILING_COPIES.map((c) => (
        <label key={c}>
          <input type="radio" name={`copy-${filing.id}`} value={c} checked={copy === c} onChange={() => void choose(c)} /> {FILING_COPY_LABEL[c]}
          {c === 'draft' ? '（「案」と「推定様式」の印を入れる）' : '（印を入れない。提出する書類）'}
        </label>
      ))}
      {error && (
        <p className="msg msg-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
  return { copy, choice };
}
