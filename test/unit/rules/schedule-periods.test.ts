/**
 * Issue 16, 様式第3号 (7-2) 予定試験期間: R-P-4 reads the 登録期間 and 追跡期間 and holds them inside the
 * 研究期間; R-P-2 compares only the dates a sentence states as this study's period; R-P-1 leaves a
 * prior study's 予定症例数 alone.
 */
import { describe, expect, test } from 'vitest';
import type { Change } from '../../helpers/rules';
import { findingsOf } from '../../helpers/rules';
import { statesPlannedCount, statesStudyPeriod } from '../../../shared/rules/catalog/schedule';

const Y3 = 'besshi1/yoshiki3';
const DATED = '2027年7月1日から2035年6月30日まで（登録期間：2027年7月1日～2030年6月30日、追跡期間：最終症例登録後5年間）';

const y3 = (period: string, answers: Readonly<Record<string, unknown>> = {}, more: Omit<Change, 'forms'> = {}): Change => ({ forms: { [Y3]: { period, ...answers } }, ...more });
const messages = (change: Change, rule: string): string[] => findingsOf(change, rule).map((f) => f.message);

describe('R-P-4: the 登録期間 lies inside the 研究期間', () => {
  test('the old sample: 告示日 (2027-07-01) + 登録3年 + 追跡5年 ends 2035-06-30, after the typed 2031年3月31日', () => {
    const [f, ...more] = findingsOf(y3('告示日から2031年3月31日まで（登録期間3年、追跡期間5年）'), 'R-P-4');
    expect(more).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('予定試験期間「告示日から2031年3月31日まで（登録期間3年、追跡期間5年）」');
    expect(f?.message).toContain('告示日（令和９年７月１日）');
    expect(f?.message).toContain('（2035-06-30）');
    expect(f?.message).toContain('終了日「2031年3月31日」');
    expect(f?.locations.map((l) => l.field)).toEqual(['period']);
  });

  test('the same 登録・追跡期間 with an end that fits (2035年6月30日) is silent', () => {
    expect(messages(y3('告示日から2035年6月30日まで（登録期間3年、追跡期間5年）'), 'R-P-4')).toEqual([]);
  });

  test('without a 告示 it counts from the 届出日, the earliest start, and says so', () => {
    const [m] = messages(y3('告示日から2030年3月31日まで（登録期間2年、追跡期間1年）', {}, { project: { notices: [] } }), 'R-P-4');
    expect(m).toContain('届出日（令和９年４月５日');
    expect(m).toContain('2030-04-04');
    // Counted from the 届出日 it still fits: silent, never a guess at a later 告示.
    expect(messages(y3('告示日から2030年6月30日まで（登録期間2年、追跡期間1年）', {}, { project: { notices: [] } }), 'R-P-4')).toEqual([]);
  });

  test('a 登録期間 date range ending after the 研究期間 quotes both ends', () => {
    const [m] = messages(y3('令和9年7月1日～令和14年3月31日（登録期間：令和9年7月1日～令和14年9月30日）'), 'R-P-4');
    expect(m).toContain('登録期間の終了日「令和14年9月30日」');
    expect(m).toContain('終了日「令和14年3月31日」');
  });

  test('lengths only: 「5年間（登録期間3年、追跡期間3年）」 does not add up', () => {
    expect(messages(y3('研究期間：5年間（登録期間3年、追跡期間3年）'), 'R-P-4')).toEqual([expect.stringContaining('研究期間「5年間」より長く')]);
    expect(messages(y3('研究期間：5年間（登録期間3年、追跡期間2年）'), 'R-P-4')).toEqual([]);
  });

  test('a sentence of 様式第3号 stating the 登録・追跡期間 is read, and the message names it', () => {
    const [f] = findingsOf(y3('告示日から2032年6月30日まで', { rationale: '120例の登録に約3年を要すると見込んだ。5年無再発生存割合を評価するため、登録期間３年間、追跡期間５年間とした。' }), 'R-P-4');
    expect(f?.message).toContain('「5年無再発生存割合を評価するため、登録期間３年間、追跡期間５年間とした」という文');
    expect(f?.message).toContain('令和１７年６月３０日');
    expect(f?.locations.map((l) => l.field)).toEqual(['rationale', 'period']);
  });

  test.each([
    ['a start nobody can date (jRCT初回公表日)', y3('jRCT初回公表日から2031年3月31日まで（登録期間3年、追跡期間5年）')],
    ['a follow-up that includes the registration', y3('告示日から5年間（登録期間3年、追跡期間5年（登録期間を含む））')],
    ['a prior study in a sentence', y3('告示日から2032年6月30日まで', { rationale: '当院の先行研究（登録期間3年、追跡期間5年）では45例を登録した。' })],
    ['something done during the registration', y3('告示日から2030年6月30日まで（登録期間3年）', { monitoring: '登録期間中は6か月ごとに、追跡期間中は12か月ごとにモニタリングを行う。' })],
    ['a registration that ends inside the period, then 「最終症例登録後2年」', y3('2027年7月1日から2031年3月31日まで（登録期間：2027年7月1日～2029年3月31日、追跡期間：最終症例登録後2年）')],
  ])('silent: %s', (_name, change) => {
    expect(messages(change, 'R-P-4')).toEqual([]);
  });
});

describe('R-P-2: only dates stated as this study\'s 試験・研究期間', () => {
  test.each([
    ['a prior study\'s 研究期間 in brackets', '当院で実施した先行研究（研究期間：2021年4月1日～2023年3月31日）では、45例中44例でセンチネルリンパ節が同定された。'],
    ['an interim cut-off during the period', '研究期間中、2029年3月31日をデータカットオフとして中間解析を行う。'],
    ['a report date after the period\'s clause', '研究期間は2027年7月1日から2035年6月30日までとし、2029年9月30日を目途に中間報告を行う。'],
    ['an as-of day', '2026年12月1日現在、研究期間中の登録見込みは120例を上回る。'],
    ['a registration start', '研究期間は告示日から2035年6月30日までとし、症例登録は2027年10月1日から開始する。'],
    ['a committee approval before the period', '本研究は2027年2月15日に認定臨床研究審査委員会の承認を受けた。'],
  ])('silent: %s', (_name, sentence) => {
    expect(messages(y3(DATED, { rationale: sentence }), 'R-P-2')).toEqual([]);
  });

  test('this study\'s own end date that differs is flagged, naming the sentence; the prior study\'s dates in it are not', () => {
    const sentence = '先行研究（研究期間：2021年4月1日～2023年3月31日）の結果を踏まえ、本研究の研究期間は2027年7月1日から2034年6月30日までとした';
    const found = messages(y3(DATED, { rationale: `${sentence}。` }), 'R-P-2');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`「${sentence.slice(0, 59)}…」という文`);
    expect(found[0]).toContain('日付「2034年6月30日」');
  });

  test('a date written before 「…を本研究の実施期間とする」 counts', () => {
    expect(statesStudyPeriod('2027年10月1日から2035年6月30日までを本研究の実施期間とする', 0, 10)).toBe(true);
    expect(statesStudyPeriod('2027年10月1日に承認され、研究期間は告示日からとする', 0, 10)).toBe(false);
  });
});

test('R-P-1: a prior study\'s 予定症例数 is not this study\'s', () => {
  expect(statesPlannedCount('先行研究の予定症例数は')).toBe(false);
  expect(statesPlannedCount('本研究の予定症例数は')).toBe(true);
  expect(messages({ forms: { [Y3]: { rationale: '先行研究の予定症例数は50例であったが、登録は45例で終了した。' } } }, 'R-P-1')).toEqual([]);
});

test('R-P-1: 「必要な82例に、脱落を見込んで120例とした」 reads the planned 120例, not the 82例 needed', () => {
  const said = (n: string) => ({ forms: { [Y3]: { rationale: `予定症例数は、有意水準両側5％、検出力80％で必要な82例に、脱落を約3割見込んで${n}とした。` } } });
  expect(messages(said('１２０例'), 'R-P-1')).toEqual([]);
  expect(messages(said('100例'), 'R-P-1')).toEqual([expect.stringContaining('予定症例数「100例」')]);
});
