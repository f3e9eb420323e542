import { memo, useEffect, useRef } from 'react';
import type { LaidOutDocument } from '../../shared/document/layout/types';
import { pageWhereTextPrints } from '../../shared/forms/sections';
import { pillPath } from '../../shared/render/pdf/pill';

/**
 * The live A4 preview: the very same laid-out pages the PDF backend draws, as SVG. Text uses the
 * bundled faces and is stretched to the measured width, so line breaks match the PDF exactly.
 */
export const PagePreview = memo(function PagePreview({ doc, label, follow }: { readonly doc: LaidOutDocument; readonly label: string; readonly follow?: string | undefined }) {
  const pages = useRef<HTMLDivElement>(null);
  // The section being edited (issue 15): its page is scrolled into view — once when the section
  // changes or moves to another page, never while typing on the same page.
  const target = follow === undefined ? undefined : pageWhereTextPrints(doc, follow);
  useEffect(() => {
    const box = pages.current;
    const page = target === undefined ? undefined : box?.children[target];
    if (!box || !page) return;
    box.scrollTo({ top: box.scrollTop + page.getBoundingClientRect().top - box.getBoundingClientRect().top - 2 });
  }, [target, follow]);
  return (
    // Focusable: the pages scroll inside the preview pane, and the keyboard can scroll them too.
    <div ref={pages} className="pages" role="region" aria-label={label} data-testid="preview" data-follow-page={target === undefined ? undefined : target + 1} tabIndex={0}>
      {doc.pages.map((page, i) => (
        <svg
          key={i}
          className="page"
          viewBox={`0 0 ${doc.width} ${doc.height}`}
          role="img"
          aria-label={`${label} ${i + 1}ページ目`}
          data-page={i + 1}
        >
          <rect x={0} y={0} width={doc.width} height={doc.height} fill="#fff" />
          {page.ops.map((op, k) => {
            switch (op.kind) {
              case 'text':
                return (
                  <text
                    key={k}
                    x={op.x}
                    y={op.y}
                    fontSize={op.size}
                    className={op.font === 'fallback' ? 'pf-fallback' : 'pf-primary'}
                    textLength={op.width > 0 ? op.width : undefined}
                    lengthAdjust="spacingAndGlyphs"
                  >
                    {op.text}
                  </text>
                );
              case 'line':
                return <line key={k} x1={op.x1} y1={op.y1} x2={op.x2} y2={op.y2} stroke="#000" strokeWidth={op.width} />;
              case 'ellipse':
                return <ellipse key={k} cx={op.cx} cy={op.cy} rx={op.rx} ry={op.ry} fill="none" stroke="#000" strokeWidth={op.width} />;
              case 'pill':
                return <path key={k} d={pillPath(op.w, op.h, op.r)} transform={`translate(${op.x} ${op.y})`} fill="none" stroke="#000" strokeWidth={op.width} />;
            }
          })}
        </svg>
      ))}
    </div>
  );
});
