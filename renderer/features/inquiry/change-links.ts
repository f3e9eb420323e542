/**
 * R-CH-4 on the 照会回答 screen: the 変更申請 items of the project an answer may link to, and the list
 * of documents to revise (「関係書類の修正：様式第3号、様式第5号」) that follows from the linked items.
 */
import { formsToRevise, itemNumber } from '../../../shared/changes';
import { filingLabel, type Filing } from '../../../shared/filings/filing';
import type { ChangeItem, FilingDocContent } from '../../../shared/filings/filing-doc';
import { FORMS } from '../../../shared/forms/registry';
import { toFullWidthDigits } from '../../../shared/dates/wareki';

export interface ChangeChoice {
  readonly id: string;
  /** 「変更申請 1. 費用負担の変更」: the filing and the item's number and wording. */
  readonly label: string;
  /** The diff items it covers ('<formId>/<field>', 'project/…', …). */
  readonly sourceIds: readonly string[];
}

/** Every item of the project's 変更申請, in timeline order and item order. */
export function changeChoices(docs: ReadonlyArray<{ readonly filing: Pick<Filing, 'kind' | 'round' | 'fiscalYear' | 'packageId'>; readonly doc: FilingDocContent }>): ChangeChoice[] {
  return docs.flatMap(({ filing, doc }) =>
    doc.kind !== 'change'
      ? []
      : doc.items.map((item: ChangeItem, i) => {
          const text = item.text.trim().split('\n')[0]?.slice(0, 60) || '（文言未入力）';
          return { id: item.id, label: `${filingLabel(filing)} ${itemNumber(i + 1)}${text}`, sourceIds: item.sourceIds };
        }),
  );
}

/** The 様式 the linked items touch, by number in filing order (「様式第3号」, 「様式第5号」). */
export function documentsToRevise(linked: ReadonlyArray<Pick<ChangeChoice, 'sourceIds'>>): string[] {
  // A source id is '<formId>/<field>' (a form id has a '/' itself: 'besshi1/yoshiki3'); 'project/…', 'cost/…' name no 様式.
  const formOf = (source: string): string[] => FORMS.filter((f) => source.startsWith(`${f.id}/`)).map((f) => f.id);
  const ids = formsToRevise(linked.map((c) => ({ formIds: c.sourceIds.flatMap(formOf) })));
  return [...new Set(ids.map((id) => FORMS.find((f) => f.id === id)?.number ?? id))];
}

/** 「照会回答１－３」: how an answer cites item `number` of round `round` (R-CH-6). */
export function inquiryReference(round: number, number: number): string {
  return `照会回答${toFullWidthDigits(String(round))}－${toFullWidthDigits(String(number))}`;
}
