/**
 * Safety-report rules (issue 14 item 5; spec §3.14, §4.8 R-F-5, §5.2) over the project's own
 * 重篤な有害事象等報告 documents (filing-docs.ts). Only a report still 作成中 gets findings: one
 * already sent is as it was sent.
 *
 * R-F-5 (E): a report made after its deadline (its 報告日 later than the deadline counted from
 * the 知った日 under the governing law, safety-deadline.ts) needs a 遅延理由書, i.e. a 遅延理由.
 */
import { formatWareki } from '../../dates/wareki';
import { isLate, safetyDeadline } from '../../reports/safety-deadline';
import type { SeriousAdverseEventDoc } from '../../reports/safety';
import { isDraft, type FilingDocCheck } from '../filing-docs';
import { at, type Submission } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';

interface AdverseEventCheck extends FilingDocCheck {
  readonly content: SeriousAdverseEventDoc;
}

const isAdverseEvent = (d: FilingDocCheck): d is AdverseEventCheck => d.content.kind === 'serious-adverse-event';

/** Where a finding on a 重篤な有害事象等報告 leads: 'adverse-event/<filingId>' (its screen's route ends so). */
export function adverseEventPlace(filingId: string): string {
  return `adverse-event/${filingId}`;
}

/** The 遅延理由 field of a report (the screen's data-field). */
export const DELAY_REASON_FIELD = 'delayReason';

export function delayReasonAt(check: Pick<FilingDocCheck, 'filing'>): FieldLocation {
  const title = check.filing.title.trim();
  return at(adverseEventPlace(check.filing.id), DELAY_REASON_FIELD, { label: `重篤な有害事象等報告${title ? `「${title}」` : ''}（遅延理由）` });
}

export const safetyRules: readonly Rule[] = [
  {
    id: 'R-F-5',
    title: '期限後の重篤な有害事象等報告には遅延理由書',
    severity: 'error',
    basis: '中国四国厚生局「安全性報告」：期限を過ぎた報告には遅延理由書（様式任意）を添付；通知 第3の2(1)；臨床研究法施行規則第54条・再生医療等安全性確保法施行規則第35条（知った日から起算）',
    check(s: Submission): Hit[] {
      const out: Hit[] = [];
      for (const check of s.filingDocs) {
        if (!isAdverseEvent(check) || !isDraft(check)) continue;
        const doc = check.content;
        if (isLate(doc) !== true || doc.delayReason.trim() !== '') continue;
        const due = safetyDeadline(doc)?.due;
        out.push({
          message: `報告期限（${due ? formatWareki(due) : ''}、知った日から${safetyDeadline(doc)?.rule.days ?? ''}日）を過ぎた報告です。遅延理由書を添付するため、遅延理由を入力してください。`,
          locations: [delayReasonAt(check)],
        });
      }
      return out;
    },
  },
];
