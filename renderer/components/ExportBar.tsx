import { useState } from 'react';
import type { LaidOutDocument } from '../../shared/document/layout/types';
import type { DocumentModel } from '../../shared/document/model';
import { useApp } from '../app/context';
import type { LoadedFonts } from '../fonts/fonts';
import { exportDocumentOffThread } from '../features/package/package-export';
import { safeFileName } from '../platform/platform';
import { Notice } from './Notice';

/** A document ready to export: its model (for Word) and its laid-out pages (for PDF). */
export interface ExportableDocument {
  readonly model: DocumentModel;
  readonly laidOut: LaidOutDocument;
}

type Busy = 'pdf' | 'docx' | 'print' | undefined;

/**
 * 「PDFを保存」「Wordを保存」「印刷」: always from the latest typed values, after a save. A screen may
 * name its buttons for what they save (「回答をPDFで保存」); 印刷 is left out when `print` is false.
 */
export function ExportBar(props: {
  readonly baseName: string;
  readonly labels?: { readonly pdf: string; readonly docx: string };
  readonly print?: boolean;
  readonly fonts: LoadedFonts | undefined;
  readonly beforeExport: () => Promise<void>;
  readonly current: () => { doc: ExportableDocument; fonts: LoadedFonts } | undefined;
}) {
  const { platform } = useApp();
  const [busy, setBusy] = useState<Busy>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const run = async (kind: Exclude<Busy, undefined>): Promise<void> => {
    setBusy(kind);
    setNotice(undefined);
    try {
      await props.beforeExport();
      if (kind === 'print') {
        const failure = await platform.print();
        if (failure) setNotice({ kind: 'error', text: failure });
        return;
      }
      const built = props.current();
      if (!built) throw new Error('fonts');
      // Written in the export Worker (issue 17): the page stays responsive while the PDF or Word file is made.
      const made = await exportDocumentOffThread(kind, built.doc, built.fonts.bytes);
      if (!made.ok) return setNotice({ kind: 'error', text: made.message });
      const result = await platform.saveFile(safeFileName(props.baseName, kind), kind, made.bytes);
      if (result.status === 'saved') setNotice({ kind: 'ok', text: `${kind === 'pdf' ? 'PDF' : 'Word'}を保存しました：${result.fileName}` });
      else if (result.status === 'failed') setNotice({ kind: 'error', text: `保存できませんでした：${result.message}` });
    } catch {
      setNotice({ kind: 'error', text: kind === 'print' ? '印刷できませんでした。もう一度お試しください。' : 'ファイルを作成できませんでした。もう一度お試しください。' });
    } finally {
      setBusy(undefined);
    }
  };

  const disabled = busy !== undefined || !props.fonts;
  return (
    <div className="export-bar">
      <div className="export-buttons" role="group" aria-label="出力">
        <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => void run('pdf')}>
          {busy === 'pdf' ? 'PDFを作成中…' : (props.labels?.pdf ?? 'PDFを保存')}
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => void run('docx')}>
          {busy === 'docx' ? 'Wordを作成中…' : (props.labels?.docx ?? 'Wordを保存')}
        </button>
        {props.print !== false && (
          <button type="button" className="btn" disabled={disabled} onClick={() => void run('print')}>
            印刷
          </button>
        )}
      </div>
      <Notice notice={notice} />
    </div>
  );
}
