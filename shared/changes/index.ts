/**
 * The pure core of a 変更申請 (issue 13): what changed between the approved baseline and the working
 * copy, by official names (field-diff.ts over printed.ts), the changed words (word-diff.ts), period
 * extensions (period.ts), the 新旧対照表 as a document-model section (shintaisho.ts), and the documents
 * a 変更申請 and a 照会回答 round print (change-document.ts, inquiry-document.ts).
 */
export { CHANGE_DOCUMENT_TITLE, CHANGE_HEADINGS, NOT_ENTERED, NOT_IN_MASTER, PATIENT_PROPOSED_CHANGE_TITLE, PATIENT_PROPOSED_NOTICE_HEADING, PRODUCT_HEADERS, changeDocument, changeDocumentBlocks, changeDocumentTitle, changeHeadings, itemNumber, patientProposedCoverText, textLines, type ChangeDocumentOptions } from './change-document';
export { isEmptyPrinted, printedKey, samePrinted } from './compare';
export { changeLocation, changeWording, diffFacts, diffFilings, formsToRevise, rowText, type DiffItem } from './field-diff';
export { deltaText, periodDeltas, periodEnds, periodNote, type PeriodDelta, type PeriodEnd, type PeriodEndValue } from './period';
export { ANSWER_HEADING, CLOSING, INQUIRY_NOTE, INQUIRY_TITLE, inquiryDate, inquiryResponseBlocks, inquiryResponseDocument, inquiryTitle, type InquiryDocumentOptions } from './inquiry-document';
export { officialName, packageFormIds, placeOf } from './place';
export { printedFacts, type PrintedCell, type PrintedFact, type PrintedOptions, type PrintedRow } from './printed';
export { burdenText } from './printed-cost';
export { changeShintaisho, mergeItems, shintaishoRowsOf, uncoveredItems } from './change-items';
export { NOTHING_WRITTEN, SHINTAISHO_HEADERS, SHINTAISHO_TITLE, shintaishoDocument, shintaishoRows, shintaishoSection, type ShintaishoOptions, type ShintaishoRow } from './shintaisho';
export { diffTokens, markedWords, wordDiff, type WordDiff } from './word-diff';
