import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LaidOutDocument } from '../../shared/document/layout/types';
import type { FontState } from '../fonts/use-fonts';
import { FontStatus } from './FontStatus';
import { PagePreview } from './PagePreview';
import { usePreviewHidden } from './use-remembered';

/** What useFonts gives: the preview waits for the fonts and offers a retry when they fail. */
export interface FontLoad {
  readonly state: FontState;
  readonly retry: () => void;
}

/**
 * The A4 preview beside an editor: `children` (the pages) once the fonts are ready — undefined
 * until then, when the fonts' state is shown instead. `meta` goes beside the heading.
 * It can be hidden (the editor then takes the width; remembered on this PC) or shown large in a
 * dialog over the screen (issue 15: room at 1366×768).
 */
export function PreviewPane({ fontLoad, meta, children }: { readonly fontLoad: FontLoad; readonly meta?: ReactNode; readonly children: ReactNode }) {
  const [hidden, setHidden] = usePreviewHidden();
  const [large, setLarge] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  // The button pressed goes away: focus moves to the one that undoes it.
  const toggle = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (toggled.current) toggle.current?.focus();
    toggled.current = false;
  }, [hidden]);
  useEffect(() => {
    if (large && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [large]);
  const pages = children ?? <FontStatus state={fontLoad.state} onRetry={fontLoad.retry} />;
  const setHiddenFromButton = (next: boolean) => {
    toggled.current = true;
    setHidden(next);
  };
  if (hidden) {
    return (
      <aside className="preview-pane preview-hidden" aria-label="A4プレビュー">
        <button ref={toggle} type="button" className="btn btn-small" aria-expanded={false} onClick={() => setHiddenFromButton(false)}>
          プレビューを表示
        </button>
      </aside>
    );
  }
  return (
    <aside className="preview-pane" aria-label="A4プレビュー">
      <div className="preview-head">
        <h2>A4プレビュー</h2>
        {meta}
      </div>
      <div className="preview-tools">
        <button type="button" className="btn btn-small" onClick={() => setLarge(true)}>
          大きく表示
        </button>
        <button ref={toggle} type="button" className="btn btn-small" aria-expanded={true} onClick={() => setHiddenFromButton(true)}>
          プレビューを隠す
        </button>
      </div>
      {large ? <p className="muted">プレビューを大きく表示しています。</p> : pages}
      {large && (
        <dialog ref={dialog} className="preview-dialog" aria-label="A4プレビュー（大きく表示）" onClose={() => setLarge(false)}>
          <div className="preview-head">
            <h2>A4プレビュー</h2>
            {meta}
            <button type="button" className="btn btn-small" onClick={() => dialog.current?.close()}>
              閉じる
            </button>
          </div>
          {pages}
        </dialog>
      )}
    </aside>
  );
}

/**
 * The A4 preview of one document, its page count beside the heading; `label` names the pages.
 * `follow`: text printed where the section being edited begins — its page is scrolled into view.
 */
export function DocumentPreviewPane({ fontLoad, doc, label, follow }: { readonly fontLoad: FontLoad; readonly doc: LaidOutDocument | undefined; readonly label: string; readonly follow?: string | undefined }) {
  return (
    <PreviewPane fontLoad={fontLoad} meta={doc && <p className="preview-meta">A4 {doc.pages.length}枚</p>}>
      {doc && <PagePreview doc={doc} label={label} follow={follow} />}
    </PreviewPane>
  );
}
