/**
 * R-F-5 (issue 14 item 5, R-F-5): a 重篤な有害事象等報告 made after its deadline (counted from
 * 知った日 under the governing law) needs a 遅延理由 for its 遅延理由書 — an error that leads to the
 * 遅延理由 field of that report, silent once the reason is written, for a report in time, and for a
 * report already sent.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../helpers/rules';
import { saeDraft } from '../../helpers/safety-docs';

describe('R-F-5', () => {
  it('期限後の報告で遅延理由が空: エラー、その報告の「遅延理由」へ導く', () => {
    const [f, ...rest] = findingsOf({ filingDocs: [saeDraft()] }, 'R-F-5');
    expect(rest).toHaveLength(0);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('報告期限（令和１０年３月１６日、知った日から15日）を過ぎた報告です');
    expect(f?.locations).toEqual([{ doc: 'adverse-event/sae-1', field: 'delayReason', label: '重篤な有害事象等報告「SLN-012 縫合不全」（遅延理由）' }]);
  });

  it('遅延理由を書けば出ない', () => {
    expect(findingsOf({ filingDocs: [saeDraft({ delayReason: '主治医の不在により判断が遅れたため。' })] }, 'R-F-5')).toEqual([]);
  });

  it('期限の日（知った日から15日目）の報告には出ない', () => {
    expect(findingsOf({ filingDocs: [saeDraft({ reportDate: '2028-03-16' })] }, 'R-F-5')).toEqual([]);
  });

  it('期限が要確認（先進医療の通知だけ）のときは出ない', () => {
    expect(findingsOf({ filingDocs: [saeDraft({ law: 'それ以外' })] }, 'R-F-5')).toEqual([]);
  });

  it('提出済みの報告には出ない（送ったとおり）', () => {
    expect(findingsOf({ filingDocs: [saeDraft({}, { status: 'filed', events: [{ status: 'filed', date: '2028-03-21', method: '郵送', note: '', at: '2028-03-21T00:00:00.000Z' }] })] }, 'R-F-5')).toEqual([]);
  });
});
