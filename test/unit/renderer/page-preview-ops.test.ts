import { describe, expect, it } from 'vitest';
import { sameOps } from '../../../renderer/components/PagePreview';
import type { DrawOp } from '../../../shared/document/layout/types';

const line = (y: number, text: string, font: 'primary' | 'fallback' = 'primary'): DrawOp => ({ kind: 'text', x: 56, y, size: 10.5, text, font, width: 200 });

describe('issue 17: a preview page is drawn again only when what it draws changed', () => {
  it('the same drawing laid out again counts as the same page', () => {
    expect(sameOps([line(70, '６．治療計画'), { kind: 'line', x1: 0, y1: 1, x2: 2, y2: 3, width: 0.5 }], [line(70, '６．治療計画'), { kind: 'line', x1: 0, y1: 1, x2: 2, y2: 3, width: 0.5 }])).toBe(true);
  });

  it('one character more, a line moved, a face changed or a line added is a changed page', () => {
    const page = [line(70, '検体の採取方法'), line(88, '検査方法')];
    expect(sameOps(page, [line(70, '検体の採取方法'), line(88, '検査方法。')])).toBe(false);
    expect(sameOps(page, [line(70, '検体の採取方法'), line(89, '検査方法')])).toBe(false);
    expect(sameOps(page, [line(70, '検体の採取方法'), line(88, '検査方法', 'fallback')])).toBe(false);
    expect(sameOps(page, [...page, line(106, '機器')])).toBe(false);
    expect(sameOps([{ kind: 'pill', x: 1, y: 2, w: 3, h: 4, width: 1 }], [{ kind: 'pill', x: 1, y: 2, w: 3, h: 4, r: 1, width: 1 }])).toBe(false);
  });
});
