import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type { DrawOp, LaidOutDocument, LaidOutPage } from '../../shared/document/layout/types';
import { pageWhereTextPrints } from '../../shared/forms/sections';
import { pillPath } from '../../shared/render/pdf/pill';
import { markPreviewPainted } from '../app/perf-marks';

/**
 * The live A4 preview: the very same laid-out pages the PDF backend draws, as SVG. Text uses the
 * bundled faces and is stretched to the measured width, so line breaks match the PDF exactly.
 * A page whose drawing did not change is not rendered again (issue 17): typing on page 3 of a
 * 10-page 様式 reconciles page 3 only.
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
  // The new pages are in the DOM: `senshin:preview-painted` once they are on screen (the bench).
  useLayoutEffect(() => markPreviewPainted(), [doc]);
  return (
    // Focusable: the pages scroll inside the preview pane, and the keyboard can scroll them too.
    <div ref={pages} className="pages" role="region" aria-label={label} data-testid="preview" data-follow-page={target === undefined ? undefined : target + 1} tabIndex={0}>
      {doc.pages.map((page, i) => (
        <PageSvg key={i} page={page} width={doc.width} height={doc.height} label={`${label} ${i + 1}ページ目`} number={i + 1} />
      ))}
    </div>
  );
});

interface PageProps {
  readonly page: LaidOutPage;
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly number: number;
}

const PageSvg = memo(function PageSvg({ page, width, height, label, number }: PageProps) {
  return (
    <svg className="page" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-page={number}>
      <rect x={0} y={0} width={width} height={height} fill="#fff" />
      {page.ops.map((op, k) => {
        switch (op.kind) {
          case 'text':
            return (
              <text key={k} x={op.x} y={op.y} fontSize={op.size} className={op.font === 'fallback' ? 'pf-fallback' : 'pf-primary'} textLength={op.width > 0 ? op.width : undefined} lengthAdjust="spacingAndGlyphs">
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
  );
}, samePageProps);

function samePageProps(a: PageProps, b: PageProps): boolean {
  return a.width === b.width && a.height === b.height && a.label === b.label && a.number === b.number && sameOps(a.page.ops, b.page.ops);
}

/** Whether two pages draw the same: op by op, field by field (ops are flat records of numbers and strings). */
export function sameOps(a: readonly DrawOp[], b: readonly DrawOp[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameOp(a[i], b[i])) return false;
  return true;
}

function sameOp(a: DrawOp | undefined, b: DrawOp | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (Reflect.get(a, k) !== Reflect.get(b, k)) return false;
  return true;
}
