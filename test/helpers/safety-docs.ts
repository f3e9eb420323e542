/** 重篤な有害事象等報告 documents as the check sees them (issue 14 item 5, R-F-5). */
import type { Filing } from '../../shared/filings/filing';
import type { FilingDocCheck } from '../../shared/rules/filing-docs';
import { emptySeriousAdverseEventDoc, type SeriousAdverseEventDoc } from '../../shared/reports/safety';

const T = '2028-03-01T00:00:00.000Z';

/** 臨床研究法・未知・入院 (15 days): learned 令和10年3月1日, reported 令和10年3月21日 — 20 days later, no 遅延理由. */
export const LATE_REPORT: SeriousAdverseEventDoc = { ...emptySeriousAdverseEventDoc(), law: '臨床研究法', seriousness: ['入院又は入院期間の延長'], expectedness: '未知', learnedOn: '2028-03-01', reportDate: '2028-03-21' };

/** The report 'sae-1' (「SLN-012 縫合不全」), 作成中 unless `filing` says otherwise. */
export function saeDraft(over: Partial<SeriousAdverseEventDoc> = {}, filing: Partial<Filing> = {}): FilingDocCheck {
  return {
    filing: { id: 'sae-1', projectId: 'sample', kind: 'serious-adverse-event', title: 'SLN-012 縫合不全', status: 'draft', events: [], templateSetId: 'notice-2024-04', rev: 0, createdAt: T, updatedAt: T, ...filing },
    content: { ...LATE_REPORT, ...over },
  };
}
