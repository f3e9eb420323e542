/**
 * Issue 16, round 2 (held-out passages of tester A): R-P-1 reads a count that a verb plans
 * (「本試験では３施設で計１００例を登録する予定である」) without a 予定症例数 keyword, and leaves rates
 * and shares alone; R-P-4 reads a date in brackets after 告示日 as the start and flags a 「告示日から」
 * period that ends before the 告示 (or, without one, before the 届出日) can start it.
 */
import { describe, expect, test } from 'vitest';
import type { Change } from '../../helpers/rules';
import { findingsOf } from '../../helpers/rules';
import { statesPlannedCount } from '../../../shared/rules/catalog/schedule';
import { withBracketedStart } from '../../../shared/rules/catalog/schedule-period';

const Y3 = 'besshi1/yoshiki3';
const Y5 = 'besshi1/yoshiki5';
const OUTLINE = '手術前日に内視鏡下でインドシアニングリーンを腫瘍周囲に局注し、手術時にセンチネルリンパ節を同定する。';

const messages = (change: Change, rule: string): string[] => findingsOf(change, rule).map((f) => f.message);
const y5Outline = (text: string): Change => ({ forms: { [Y5]: { outline: text } } });
const y3Period = (period: string, more: Omit<Change, 'forms'> = {}): Change => ({ forms: { [Y3]: { period } }, ...more });

describe('R-P-1: a count the sentence plans by its verb (h-a-y5-cases-f1)', () => {
  test('「本試験では３施設で計１００例を登録する予定である」 in 様式第5号 (予定症例数 120例): a warning naming the sentence and both counts', () => {
    const [f, ...more] = findingsOf(y5Outline(`${OUTLINE}本試験では３施設で計１００例を登録する予定である。`), 'R-P-1');
    expect(more).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('「本試験では３施設で計１００例を登録する予定である」という文');
    expect(f?.message).toContain('予定症例数「１００例」');
    expect(f?.message).toContain('「120例」');
    expect(f?.locations.map((l) => `${l.doc} ${l.field ?? ''}`)).toEqual([`${Y5} outline`, `${Y3} plannedCases`]);
  });

  const planned: ReadonlyArray<readonly [string, string]> = [
    ['「の登録を予定」', '本試験は３施設で実施し、計９０名の登録を予定している。'],
    ['「を目標に登録」', '全体で１５０例を目標に登録を進める。'],
    ['「を集積する予定」', '登録期間3年間で８０症例を集積する予定である。'],
    ['bracketed note between count and verb', '計100例（各群50例）を登録する予定である。'],
    ['「の登録を目標とする」 after a site count', '当院を含む３施設で計１００例の登録を目標とする。'],
    ['「を登録する計画」', '２群で計１４０例を登録する計画である。'],
  ];
  for (const [name, text] of planned) {
    test(`${name}: a warning`, () => {
      expect(messages(y5Outline(text), 'R-P-1')).toHaveLength(1);
    });
  }

  const silent: ReadonlyArray<readonly [string, string]> = [
    ['the same total', '本試験では３施設で計１２０例を登録する予定である。'],
    ['a rate per month', '当院では１か月に３例を登録する予定である。'],
    ['a rate per year', '年間２０例を登録する予定である。'],
    ['per site', '1施設あたり40例を登録する予定である。'],
    ['per site, with 計', '各施設で計40例を登録する予定である。'],
    ['per arm', '縮小手術群と定型手術群に割り付け、各群６０例を登録する予定である。'],
    ['what remains', '既に15例を登録しており、残り105例を登録する予定である。'],
    ['a count already registered', '先行研究では４５例を登録した。'],
    ['another study', '海外の試験では３００例を登録する予定である。'],
    ['a count inside brackets', '計120例（うち当院40例）を登録する予定である。'],
  ];
  for (const [name, text] of silent) {
    test(`silent: ${name}`, () => {
      expect(messages(y5Outline(text), 'R-P-1')).toEqual([]);
    });
  }

  test('statesPlannedCount reads the clause after the count only when it plans it', () => {
    expect(statesPlannedCount('本試験では３施設で計', 'を登録する予定である')).toBe(true);
    expect(statesPlannedCount('本試験では３施設で計', 'を登録した')).toBe(false);
    expect(statesPlannedCount('１か月に', 'を登録する予定')).toBe(false);
  });
});

describe('R-P-4: the start in brackets after 告示日, and an end before the 告示 (h-a-y3-period-f5)', () => {
  test('「告示日（2027年7月1日）から2026年6月30日まで（登録期間5年、追跡期間5年）」: one error, end before start', () => {
    const hits = findingsOf(y3Period('告示日（2027年7月1日）から2026年6月30日まで（登録期間5年、追跡期間5年）'), 'R-P-4');
    expect(hits.map((h) => h.message)).toEqual(['予定試験期間の終了日（2026年6月30日）が開始日（2027年7月1日）より前です。']);
    expect(hits[0]?.severity).toBe('error');
  });

  test('「告示日（令和９年７月１日予定）から令和８年６月３０日まで」: an error', () => {
    expect(messages(y3Period('告示日（令和９年７月１日予定）から令和８年６月３０日まで（登録期間３年、追跡期間５年）'), 'R-P-4')).toEqual([expect.stringContaining('終了日（令和８年６月３０日）が開始日（令和９年７月１日）より前')]);
  });

  test('「研究期間：告示日～2027年6月30日」 with the 告示 applying from 2027-07-01: the end is before the 告示日', () => {
    const [m, ...more] = messages(y3Period('研究期間：告示日～2027年6月30日'), 'R-P-4');
    expect(more).toEqual([]);
    expect(m).toContain('終了日「2027年6月30日」');
    expect(m).toContain('告示日（令和９年７月１日）より前');
  });

  test('without a 告示: 「告示日から令和９年３月３１日まで」 ends before the 届出日 (2027-04-05)', () => {
    const [m] = messages(y3Period('告示日から令和９年３月３１日まで', { project: { notices: [] } }), 'R-P-4');
    expect(m).toContain('終了日「令和９年３月３１日」');
    expect(m).toContain('届出日（令和９年４月５日');
  });

  test('brackets without a whole date (「告示日（令和９年７月予定）から」) count from the 告示日: 登録3年＋追跡5年 do not fit by 令和13年3月31日', () => {
    expect(messages(y3Period('告示日（令和９年７月予定）から令和１３年３月３１日まで（登録期間３年、追跡期間５年）'), 'R-P-4')).toEqual([expect.stringContaining('追跡期間「５年」')]);
  });

  const silent: ReadonlyArray<readonly [string, string, Omit<Change, 'forms'>]> = [
    ['a bracketed start that fits', '告示日（2027年7月1日）から2035年6月30日まで（登録期間3年、追跡期間5年）', {}],
    ['a bracketed month that fits', '告示日（令和９年７月予定）から令和１７年６月３０日まで（登録期間３年、追跡期間５年）', {}],
    ['no 告示, counted from the 届出日, fits', '告示日から2035年6月30日まで（登録期間3年、追跡期間5年）', { project: { notices: [] } }],
    ['the sample\'s own period', '告示日から2037年6月30日まで（登録期間5年、追跡期間5年）', {}],
  ];
  for (const [name, period, more] of silent) {
    test(`silent: ${name}`, () => {
      expect(messages(y3Period(period, more), 'R-P-4')).toEqual([]);
    });
  }

  test('withBracketedStart reads the bracketed date as the start and leaves other brackets', () => {
    expect(withBracketedStart('告示日（2027年7月1日）から2035年6月30日まで')).toBe('2027年7月1日から2035年6月30日まで');
    expect(withBracketedStart('告示日（令和９年７月予定）から令和１７年６月３０日まで')).toBe('告示日から令和１７年６月３０日まで');
    expect(withBracketedStart('告示日（官報掲載日）から5年間')).toBe('告示日から5年間');
    expect(withBracketedStart('告示日（予定：令和９年７月１日）～令和１９年６月３０日')).toBe('令和９年７月１日～令和１９年６月３０日');
    expect(withBracketedStart('2027年7月1日から（登録期間3年）')).toBe('2027年7月1日から（登録期間3年）');
  });
});
