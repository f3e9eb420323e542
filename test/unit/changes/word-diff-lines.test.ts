/**
 * Issue 13 item 2: in the 新旧対照表 a line that did not change is never underlined. A replaced
 * device prints as one value of 「label：value」 lines; its unchanged lines (「医薬品医療機器法上の
 * 適応外使用の該当：適応内」) stay plain even when a removed line next to it shares their words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../shared/document/model';
import { markedWords, wordDiff } from '../../../shared/changes/word-diff';

/** Whether any character in [from, to) of the side's text is underlined. */
function markedWithin(runs: readonly TextRun[], from: number, to: number): boolean {
  let at = 0;
  for (const r of runs) {
    const end = at + r.text.length;
    if (r.mark === 'underline' && at < to && end > from) return true;
    at = end;
  }
  return false;
}

const before = [
  '医療機器名：蛍光観察用腹腔鏡システム',
  '製造販売業者名及び連絡先：架空メディカル株式会社（03-0000-0000）',
  '型式：FL-3000',
  '医薬品医療機器法承認又は認証番号（16桁）：30200BZX00289000',
  '医薬品医療機器法承認又は認証上の適応：体腔内の観察及び近赤外蛍光観察',
  '医薬品医療機器法上の適応外使用の該当：適応内',
].join('\n');
const after = [
  '医療機器名：近赤外蛍光内視鏡システム',
  '製造販売業者名及び連絡先：架空光学株式会社（045-000-0000）',
  '型式：NIR-200',
  '医薬品医療機器法承認又は認証番号（16桁）：30600BZX00123000',
  '医薬品医療機器法上の適応外使用の該当：適応内',
].join('\n');

describe('新旧対照表: unchanged lines are not underlined', () => {
  it('a device replaced by one without 承認上の適応: the unchanged 「適応外使用の該当」 line is plain on both sides, the removed line marked whole', () => {
    const d = wordDiff(before, after);
    const unchanged = '医薬品医療機器法上の適応外使用の該当：適応内';
    expect(markedWithin(d.before, before.indexOf(unchanged), before.length)).toBe(false);
    expect(markedWithin(d.after, after.indexOf(unchanged), after.length)).toBe(false);
    expect(markedWords(d.before)).toContain('医薬品医療機器法承認又は認証上の適応：体腔内の観察及び近赤外蛍光観察');
    // What changed on the other lines is still marked.
    expect(markedWords(d.before)).toEqual(expect.arrayContaining(['FL-3000', '30200BZX00289000']));
    expect(markedWords(d.after)).toEqual(expect.arrayContaining(['NIR-200', '30600BZX00123000']));
  });

  it('a line found once in each text, and nowhere else, is never underlined (property)', () => {
    const word = fc.constantFrom('医薬品', '医療機器', '法', '承認', '上の', '適応', '外', '使用', 'の', '該当', '：', '内', '型式', 'FL-3000', '2031年3月31日', '患者', '負担');
    const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), fc.array(line, { maxLength: 5 }), line, fc.nat(), fc.nat(), (xs, ys, shared, i, j) => {
        const others = [...xs, ...ys];
        fc.pre(!others.includes(shared));
        const a = [...xs];
        const b = [...ys];
        a.splice(i % (a.length + 1), 0, shared);
        b.splice(j % (b.length + 1), 0, shared);
        // Only `shared` may be common to both: other lines common to both would be matched first.
        fc.pre(!xs.some((x) => ys.includes(x)));
        const at = (lines: readonly string[]): number => lines.slice(0, lines.indexOf(shared)).reduce((n, l) => n + l.length + 1, 0);
        const d = wordDiff(a.join('\n'), b.join('\n'));
        return !markedWithin(d.before, at(a), at(a) + shared.length) && !markedWithin(d.after, at(b), at(b) + shared.length);
      }),
      { numRuns: 400 },
    );
  });

  it('a single changed line is still diffed word by word (not marked whole)', () => {
    const d = wordDiff('予定症例数：120例\n予定試験期間：告示日から2031年3月31日まで', '予定症例数：120例\n予定試験期間：告示日から2034年3月31日まで');
    expect(markedWords(d.before)).toEqual(['2031年3月31日']);
    expect(markedWords(d.after)).toEqual(['2034年3月31日']);
  });
});
