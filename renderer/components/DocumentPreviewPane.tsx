import type { ReactNode } from 'react';
import type { LaidOutDocument } from '../../shared/document/layout/types';
import type { FontState } from '../fonts/use-fonts';
import { FontStatus } from './FontStatus';
import { PagePreview } from './PagePreview';

/** What useFonts gives: the preview waits for the fonts and offers a retry when they fail. */
interface FontLoad {
  readonly state: FontState;
  readonly retry: () => void;
}

/**
 * The A4 preview beside an editor: `children` (the pages) once the fonts are ready — undefined
 * until then, when the fonts' state is shown instead. `meta` goes beside the heading.
 */
export function PreviewPane({ fontLoad, meta, children }: { readonly fontLoad: FontLoad; readonly meta?: ReactNode; readonly children: ReactNode }) {
  return (
    <aside className="preview-pane" aria-label="A4プレビュー">
      <div className="preview-head">
        <h2>A4プレビュー</h2>
        {meta}
      </div>
      {children ?? <FontStatus state={fontLoad.state} onRetry={fontLoad.retry} />}
    </aside>
  );
}

/** The A4 preview of one document, its page count beside the heading; `label` names the pages. */
export function DocumentPreviewPane({ fontLoad, doc, label }: { readonly fontLoad: FontLoad; readonly doc: LaidOutDocument | undefined; readonly label: string }) {
  return (
    <PreviewPane fontLoad={fontLoad} meta={doc && <p className="preview-meta">A4 {doc.pages.length}枚</p>}>
      {doc && <PagePreview doc={doc} label={label} />}
    </PreviewPane>
  );
}
