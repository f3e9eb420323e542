import { useState } from 'react';
import { todayIn } from '../../../shared/dates/iso-date';
import { useApp } from '../../app/context';
import { Notice } from '../../components/Notice';
import type { LoadedFonts } from '../../fonts/fonts';
import { safeFileName } from '../../platform/platform';
import { submissionOf, type CheckData } from './check-data';
import type { Finding } from '../../../shared/rules';

/** 「チェック結果報告書をPDFで保存」: the findings and acknowledgements, per form, for the office's review. */
export function ReportButton({ data, findings, fonts }: { readonly data: CheckData; readonly findings: readonly Finding[]; readonly fonts: LoadedFonts | undefined }) {
  const { platform } = useApp();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const save = async (): Promise<void> => {
    if (!fonts) return;
    setBusy(true);
    setNotice(undefined);
    try {
      // The PDF backend loads on first use, like every export.
      const { checkReportPdf } = await import('../../../shared/rules/report');
      const bytes = await checkReportPdf({ submission: submissionOf(data), findings, acknowledgements: data.project.acknowledgements, today: todayIn('Asia/Tokyo') }, fonts);
      const result = await platform.saveFile(safeFileName(`チェック結果報告書_${data.project.technologyName.trim() || data.project.name}`, 'pdf'), 'pdf', bytes);
      if (result.status === 'saved') setNotice({ kind: 'ok', text: `チェック結果報告書を保存しました：${result.fileName}` });
      else if (result.status === 'failed') setNotice({ kind: 'error', text: `保存できませんでした：${result.message}` });
    } catch {
      setNotice({ kind: 'error', text: 'チェック結果報告書を作成できませんでした。もう一度お試しください。' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-bar">
      <button type="button" className="btn" disabled={busy || !fonts} onClick={() => void save()}>
        {busy ? '報告書を作成中…' : 'チェック結果報告書をPDFで保存'}
      </button>
      <Notice notice={notice} />
    </div>
  );
}
