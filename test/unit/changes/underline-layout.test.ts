/**
 * Issue 13: underlining the changed words of a 新旧対照表 cell must not change where its lines break —
 * the PDF breaks the text as it would unmarked (and as Word and LibreOffice break it), instead of
 * keeping each short marked or unmarked piece whole and leaving ragged, half-empty lines.
 */
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../shared/changes/word-diff';
import { layoutParagraph } from '../../../shared/document/layout/paragraph';
import { para, runsPara } from '../../../shared/document/model';
import { bundledFonts } from '../../helpers/fonts';
import { BURDEN_AFTER, BURDEN_BEFORE, PERIOD_AFTER, PERIOD_BEFORE } from './fixture';

const { metrics } = bundledFonts();
/** The inside of a 変更前／変更後 cell of the 新旧対照表 (A4, the forms' margins). */
const CELL = 146;

/** The text of each laid-out line. */
const lines = (boxes: ReturnType<typeof layoutParagraph>): string[] => boxes.map((b) => b.ops.flatMap((o) => (o.kind === 'text' ? [o.text] : [])).join('')).filter((t) => t !== '');

describe('a paragraph with underlined words breaks where the same text unmarked does', () => {
  it.each([
    [PERIOD_BEFORE, PERIOD_AFTER],
    [BURDEN_BEFORE, BURDEN_AFTER],
    ['医療機器名：蛍光観察用腹腔鏡システム', '医療機器名：近赤外蛍光イメージングシステム　ＶＩ－５０００'],
  ])('%s → %s', (before, after) => {
    const d = wordDiff(before, after);
    for (const [runs, text] of [[d.before, before], [d.after, after]] as const) {
      expect(runs.some((r) => r.mark === 'underline')).toBe(true);
      expect(lines(layoutParagraph(runsPara(runs, 9.5, { leading: 1.5 }), CELL, metrics))).toEqual(lines(layoutParagraph(para(text, 9.5, { leading: 1.5 }), CELL, metrics)));
    }
  });
});
