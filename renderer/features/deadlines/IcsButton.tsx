import { useState } from 'react';
import type { Deadline } from '../../../shared/deadlines/deadlines';
import { useApp } from '../../app/context';
import { Notice } from '../../components/Notice';
import { safeFileName } from '../../platform/platform';

/** 「期限をカレンダーに書き出す（.ics）」: every deadline as an all-day event, saved through the platform. */
export function IcsButton({ deadlines }: { readonly deadlines: readonly Deadline[] }) {
  const { platform } = useApp();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const save = async (): Promise<void> => {
    setBusy(true);
    setNotice(undefined);
    try {
      const { deadlinesIcs } = await import('../../../shared/deadlines/ics');
      const bytes = new TextEncoder().encode(deadlinesIcs(deadlines, new Date()));
      const result = await platform.saveFile(safeFileName('先進医療の期限', 'ics'), 'ics', bytes);
      if (result.status === 'saved') setNotice({ kind: 'ok', text: `カレンダー用のファイルを保存しました：${result.fileName}` });
      else if (result.status === 'failed') setNotice({ kind: 'error', text: `保存できませんでした：${result.message}` });
    } catch {
      setNotice({ kind: 'error', text: 'カレンダー用のファイルを作成できませんでした。もう一度お試しください。' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="deadline-export">
      <button type="button" className="btn btn-small" disabled={busy || deadlines.length === 0} onClick={() => void save()}>
        {busy ? '書き出し中…' : '期限をカレンダーに書き出す（.ics）'}
      </button>
      <Notice notice={notice} />
    </div>
  );
}
