import { useState } from 'react';
import { useApp } from '../../app/context';
import type { ExportableDocument } from '../../components/ExportBar';
import { Notice } from '../../components/Notice';
import type { LoadedFonts } from '../../fonts/fonts';
import { safeFileName } from '../../platform/platform';

type Kind = 'pdf' | 'docx';

/**
 * 「回答をPDFで保存」「回答をWordで保存」: the round as one document, from the latest typed values
 * after a save (as ExportBar does for a 様式, with the wording of this screen).
 */
export function InquiryExport(props: {
  readonly baseName: string;
  readonly fonts: LoadedFonts | undefined;
  readonly beforeExport: () => Promise<void>;
  readonly current: () => { doc: ExportableDocument; fonts: LoadedFonts } | undefined;
}) {
  const { platform } = useApp();
  const [busy, setBusy] = useState<Kind>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const run = async (kind: Kind): Promise<void> => {
    setBusy(kind);
    setNotice(undefined);
    try {
      await props.beforeExport();
      const built = props.current();
      if (!built) throw new Error('fonts');
      const bytes =
        kind === 'pdf'
          ? await (await import('../../../shared/render/pdf/render-pdf')).renderPdf(built.doc.laidOut, built.fonts.bytes, { title: built.doc.model.title })
          : await (await import('../../../shared/render/docx/render-docx')).renderDocx(built.doc.model, { fonts: built.fonts.metrics });
      const result = await platform.saveFile(safeFileName(props.baseName, kind), kind, bytes);
      if (result.status === 'saved') setNotice({ kind: 'ok', text: `${kind === 'pdf' ? 'PDF' : 'Word'}を保存しました：${result.fileName}` });
      else if (result.status === 'failed') setNotice({ kind: 'error', text: `保存できませんでした：${result.message}` });
    } catch {
      setNotice({ kind: 'error', text: 'ファイルを作成できませんでした。もう一度お試しください。' });
    } finally {
      setBusy(undefined);
    }
  };
  const disabled = busy !== undefined || !props.fonts;
  return (
    <div className="export-bar">
      <div className="export-buttons" role="group" aria-label="出力">
        <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => void run('pdf')}>
          {busy === 'pdf' ? 'PDFを作成中…' : '回答をPDFで保存'}
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => void run('docx')}>
          {busy === 'docx' ? 'Wordを作成中…' : '回答をWordで保存'}
        </button>
      </div>
      <Notice notice={notice} />
    </div>
  );
}
