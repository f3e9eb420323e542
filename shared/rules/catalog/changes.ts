/**
 * §4.4 change-application rules (R-CH-1 … R-CH-6) and R-P-5 (issue 13), over the project's own
 * documents — each 変更申請 and 照会回答 round (filing-docs.ts) — beside the 様式 they talk about.
 *
 * Only a document still 作成中 gets findings: one already sent is as it was sent. A sent document is
 * still what a draft is compared with (the committee date a filed 変更申請 gave is the one a 照会回答
 * written later must repeat).
 */
import { changeLocation, type DiffItem } from '../../changes/field-diff';
import { printedKey } from '../../changes/compare';
import { compareYmd, daysBetween, parseIsoDate, toIsoDate, type YMD } from '../../dates/iso-date';
import { formatSeireki, formatWareki, toAsciiDigits } from '../../dates/wareki';
import { filingLabel } from '../../filings/filing';
import { yoshiki2 } from '../../forms/besshi1/yoshiki2';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { findDates, numbersIn, type Found, type FoundDate } from '../extract';
import { changeChecks, changeItemAt, citation, filingDocPlace, inquiryChecks, inquiryItemAt, isDraft, type FilingDocCheck, type InquiryCheck } from '../filing-docs';
import { at, atField, inPackage, textOf, type Submission } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';
import { datesOf, proseFields, type ProseField } from './prose';

/** A value shown inside a message: one line, at most 60 characters. */
export function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

const dateText = (ymd: YMD): string => formatSeireki(ymd);

// ---- R-CH-3: one committee event, one date --------------------------------------------------------

/** A committee approval the documents state: a change item's 承認状況, or 様式第2号's 承認年月日. */
interface ApprovalEvent {
  readonly date: YMD;
  readonly committeeName: string;
  readonly where: string;
  readonly location: FieldLocation;
  /** The change item it belongs to (absent for 様式第2号). */
  readonly itemId?: string;
  readonly draft: boolean;
}

function approvalEvents(s: Submission): ApprovalEvent[] {
  const committees = s.facts.masters.committees;
  const out: ApprovalEvent[] = [];
  for (const check of changeChecks(s)) {
    check.content.items.forEach((item, i) => {
      const date = parseIsoDate(item.approval.date);
      if (!date) return;
      const committeeName = committees.find((c) => c.id === item.approval.committeeId)?.name ?? '';
      out.push({ date, committeeName, where: `変更申請の変更内容${i + 1}`, location: changeItemAt(check, i, 'approval'), itemId: item.id, draft: isDraft(check) });
    });
  }
  if (inPackage(s, yoshiki2.id)) {
    const date = parseIsoDate(textOf(s, yoshiki2, 'approvedOn'));
    const committeeId = textOf(s, yoshiki2, 'committeeId');
    if (date) out.push({ date, committeeName: committees.find((c) => c.id === committeeId)?.name ?? '', where: '様式第2号の承認年月日', location: atField(yoshiki2, 'approvedOn'), draft: true });
  }
  return out;
}

// A sentence can date more than the committee's 承認: 「令和９年２月１５日に倫理審査委員会の承認を受け、
// 同年３月１日に病院長の実施許可を得た」. Each date belongs to the act written next to it: after it when
// the date opens a clause (「…日に…の承認を受け」), before it when a label or bracket leads to it
// (「承認日は…日」「承認（…日）」). Only a date that belongs to a 承認, and not to a 病院長's, is the committee's.

/** The acts a date in a committee sentence can belong to: the committee's 承認, or another step (the 病院長's 許可, an application, a report, a protocol's 版). */
const ACT = /承認|許可|許諾|了承|決裁|申請|届出|提出|報告|受付|受理|作成|改訂|改定|施行|締結/g;
/** Who else grants things: a 承認 by one of them is not the committee's. */
const HEAD = /院長|学長|理事長|機関の長|管理者|総長/;
/** Text ending in a label or opening bracket: the date is what the text before it names (「承認日は」「承認（」「承認日：」). */
const LABELLED = /(?:[（(「：:]|は|が|を|日)\s*$/;

/** The act a segment of a sentence names first (or last), and the clause up to it. */
function actIn(seg: string, which: 'first' | 'last'): { readonly act: string; readonly clause: string } | undefined {
  const all = [...seg.matchAll(ACT)];
  const m = which === 'first' ? all[0] : all.pop();
  if (!m) return undefined;
  const upTo = seg.slice(0, m.index + m[0].length);
  return { act: m[0], clause: which === 'first' ? upTo : (upTo.split(/[、，]/).pop() ?? '') };
}

/** The committee approval dates a text states (a 承認 written next to the date, in a sentence naming a committee). */
export function committeeApprovalDates(text: string, dates: readonly Found<FoundDate>[] = findDates(text)): Array<Found<FoundDate>> {
  return dates.filter((d) => {
    if (!/委員会/.test(d.sentence) || !/承認/.test(d.sentence)) return false;
    const sentenceStart = d.start - d.before.length;
    const sentenceEnd = sentenceStart + d.sentence.length;
    const prevEnd = Math.max(sentenceStart, ...dates.filter((o) => o.end <= d.start && o.end > sentenceStart).map((o) => o.end));
    const nextStart = Math.min(sentenceEnd, ...dates.filter((o) => o.start >= d.end && o.start < sentenceEnd).map((o) => o.start));
    const before = text.slice(prevEnd, d.start);
    const after = text.slice(d.end, nextStart);
    // A labelled date may still lead its clause (「委員会（…日）で承認された」); a date that opens a clause
    // is never read backwards (「承認された計画書（第２版、…日作成）」 is the protocol's date).
    const found = LABELLED.test(before) ? (actIn(before, 'last') ?? actIn(after, 'first')) : actIn(after, 'first');
    if (found?.act !== '承認') return false;
    return !(HEAD.test(found.clause) && !/委員会/.test(found.clause));
  });
}

/** A sentence about another study's approval (a 先行研究, a pilot), not this plan's. */
const OTHER_STUDY = /先行(?:研究|試験)|予備(?:研究|試験)|パイロット|前(?:回|試験)|過去の|以前の/;

/** The plan's own committee approval dates in the 届出 forms' prose, with the field each stands in (R-CH-3, R-F-6). */
export function proseApprovals(s: Submission): Array<{ readonly p: ProseField; readonly d: Found<FoundDate> }> {
  return proseFields(s).flatMap((p) =>
    committeeApprovalDates(p.text, datesOf(p))
      .filter((d) => /(?:倫理|審査)委員会/.test(d.sentence) && !OTHER_STUDY.test(d.sentence))
      .map((d) => ({ p, d })),
  );
}

/** Two dates this close for one committee are one meeting written two ways (開催日 and 通知日), not two meetings. */
const SAME_EVENT_DAYS = 62;

function committeeDateHits(s: Submission): Hit[] {
  const out: Hit[] = [];
  // The 届出 forms' prose against 様式第2号 (the plan's own approval).
  if (inPackage(s, yoshiki2.id)) {
    const approved = parseIsoDate(textOf(s, yoshiki2, 'approvedOn'));
    if (approved) {
      for (const { p, d } of proseApprovals(s)) {
        if (compareYmd(d.value.ymd, approved) === 0) continue;
        out.push({
          message: `${at(p.doc, p.field).label}の「${quote(d.sentence)}」という文で委員会の承認日が「${d.text}」ですが、様式第2号の承認年月日は${formatWareki(approved)}です。同じ承認の日付にそろえてください。`,
          locations: [at(p.doc, p.field), atField(yoshiki2, 'approvedOn')],
          discriminator: `${p.doc}.${p.field}:${d.text}`,
        });
      }
    }
  }
  // A 照会回答 that states a committee's approval against the 変更申請's 承認状況 (and 様式第2号).
  const events = approvalEvents(s);
  for (const check of inquiryChecks(s)) {
    for (const item of check.content.items) {
      for (const d of committeeApprovalDates(item.answer)) {
        const sentence = printedKey(d.sentence);
        const linked = events.filter((e) => e.itemId !== undefined && item.changeItemIds.includes(e.itemId));
        const named = events.filter((e) => e.committeeName !== '' && sentence.includes(printedKey(e.committeeName)));
        const candidates = linked.length > 0 ? linked : named.length > 0 ? named : events;
        if (candidates.length === 0 || candidates.some((e) => compareYmd(e.date, d.value.ymd) === 0)) continue;
        const near = candidates
          .map((e) => ({ e, days: Math.abs(daysBetween(e.date, d.value.ymd)) }))
          .filter((x) => linked.length > 0 || x.days <= SAME_EVENT_DAYS)
          .sort((a, b) => a.days - b.days)[0];
        if (!near || (!isDraft(check) && !near.e.draft)) continue;
        const whom = near.e.committeeName ? `（${near.e.committeeName}）` : '';
        out.push({
          message: `${filingLabel(check.filing)}の${citation(check, item)}に委員会の承認日「${d.text}」とありますが、${near.e.where}${whom}では${dateText(near.e.date)}です。同じ承認は、どの書類でも同じ日付で書きます（会議の開催日と承認通知の日付の取り違えに注意）。`,
          locations: [inquiryItemAt(check, item), near.e.location],
          discriminator: `${item.id}:${toIsoDate(d.value.ymd)}`,
        });
      }
    }
  }
  return out;
}

// ---- R-CH-4 / R-CH-6: answers that change the plan, and how answers are cited -----------------------

/** 「照会回答１－３」「照会回答1-3」: round and item of each citation in a text. */
const CITATION = /照会回答\s*([0-9０-９]+)\s*[－\-ー―‐−‑]\s*([0-9０-９]+)/g;
/** Ways of citing an answer that are not 「照会回答<回>－<番号>」: 「回答1-3」「照会事項1の3」「照会1－3」. */
const LOOSE_CITATION = /(?<!照会)回答\s*[0-9０-９]+\s*[－\-ー―‐−‑]\s*[0-9０-９]+|照会事項\s*[0-9０-９]+\s*の\s*[0-9０-９]+|照会\s*[0-9０-９]+\s*[－\-ー―‐−‑]\s*[0-9０-９]+/g;

const num = (s: string | undefined): number => Number(toAsciiDigits(s ?? ''));

/** Whether `text` cites answer `number` of round `round`. */
function cites(text: string, round: number | undefined, number: number): boolean {
  return [...text.matchAll(CITATION)].some((m) => num(m[1]) === round && num(m[2]) === number);
}

/** An answer that says the plan or a document was changed (「変更しました」「修正いたします」「改訂した」). */
const SAYS_CHANGED = /(?:変更|修正|改訂|追記|削除)(?:しました|いたしました|します|いたします|した|する|しております|しています)/;

// ---- R-P-5: 【現在の登録状況】 ------------------------------------------------------------------------

/** The day a document is dated: the day it was sent, else today (a draft). */
function filedDay(check: FilingDocCheck, today: YMD): YMD {
  const sent = check.filing.events.find((e) => e.status === 'filed')?.date;
  return (sent ? parseIsoDate(sent) : undefined) ?? today;
}

export const changeRules: readonly Rule[] = [
  {
    id: 'R-CH-1',
    title: '変更前は承認済みの内容',
    severity: 'error',
    basis: '部会資料様式「先進医療Bの試験実施計画の変更について」：＜変更前＞は現に承認されている内容（承認済みの届出の記載）',
    check(s) {
      const out: Hit[] = [];
      for (const check of changeChecks(s)) {
        if (!isDraft(check) || !check.diff) continue;
        const byId = new Map<string, DiffItem>(check.diff.map((d) => [d.id, d]));
        check.content.items.forEach((item, i) => {
          const sources = item.sourceIds.map((id) => byId.get(id)).filter((d): d is DiffItem => d !== undefined);
          if (item.sourceIds.length > 0 && sources.length === 0) {
            out.push({
              severity: 'warning',
              message: `変更内容${i + 1}「${quote(item.text)}」の元になった変更が、いまの様式にはありません（承認済みの内容に戻っています）。様式を確かめるか、この変更内容を削除してください。`,
              locations: [changeItemAt(check, i, 'text')],
              discriminator: 'gone',
            });
            return;
          }
          for (const d of sources) {
            if (d.kind !== 'added' && !printedKey(item.before).includes(printedKey(d.before))) {
              out.push({ message: `変更内容${i + 1}の＜変更前＞が、承認済みの届出の記載と違います。${changeLocation(d)}の承認済みの記載は「${quote(d.before)}」です。`, locations: [changeItemAt(check, i, 'before')], discriminator: `before:${d.id}` });
            }
            if (d.kind !== 'removed' && !printedKey(item.after).includes(printedKey(d.after))) {
              out.push({
                severity: 'warning',
                message: `変更内容${i + 1}の＜変更後＞が、いまの様式の記載と違います。${changeLocation(d)}はいま「${quote(d.after)}」です（変更内容を読み込んだ後に様式を直した場合は、＜変更後＞も直してください）。`,
                locations: [changeItemAt(check, i, 'after')],
                discriminator: `after:${d.id}`,
              });
            }
          }
        });
      }
      return out;
    },
  },
  {
    id: 'R-CH-2',
    title: '変更内容ごとの理由と承認状況',
    severity: 'error',
    basis: '部会資料様式「先進医療Bの試験実施計画の変更について」：【主な変更内容】の各項目に、番号の対応する【変更申請する理由】と【試験実施計画の変更承認状況】（委員会・承認日）',
    check(s) {
      const out: Hit[] = [];
      const committees = s.facts.masters.committees;
      for (const check of changeChecks(s)) {
        if (!isDraft(check)) continue;
        if (check.content.items.length === 0) {
          out.push({ message: '変更申請に【主な変更内容】がありません。承認済みの届出との違いを読み込むか、変更内容を手で書き加えてください。', locations: [at(filingDocPlace(check), 'items', { label: '変更申請（主な変更内容）' })] });
          continue;
        }
        check.content.items.forEach((item, i) => {
          const n = i + 1;
          if (item.text.trim() === '') out.push({ message: `変更内容${n}の【主な変更内容】が空欄です。`, locations: [changeItemAt(check, i, 'text')], discriminator: 'text' });
          if (item.reason.trim() === '') out.push({ message: `変更内容${n}に【変更申請する理由】がありません。理由は変更内容と同じ番号で1つずつ書きます。`, locations: [changeItemAt(check, i, 'reason')], discriminator: 'reason' });
          const id = item.approval.committeeId.trim();
          if (id === '') out.push({ message: `変更内容${n}の【試験実施計画の変更承認状況】で、承認した委員会が選ばれていません。`, locations: [changeItemAt(check, i, 'approval')], discriminator: 'committee' });
          else if (!committees.some((c) => c.id === id)) out.push({ message: `変更内容${n}で選んだ委員会が、マスタ（倫理審査委員会）にありません。委員会を選び直してください。`, locations: [changeItemAt(check, i, 'approval')], discriminator: 'committee-gone' });
          if (item.approval.date === '') out.push({ message: `変更内容${n}の【試験実施計画の変更承認状況】に承認日がありません。`, locations: [changeItemAt(check, i, 'approval')], discriminator: 'date' });
        });
      }
      return out;
    },
  },
  {
    id: 'R-CH-3',
    title: '委員会の承認日の一致',
    severity: 'warning',
    basis: '同じ委員会の承認は、変更申請・照会回答・様式第2号のどれでも同じ日付で記載（会議日と通知日の取り違えに注意）',
    check: committeeDateHits,
  },
  {
    id: 'R-CH-4',
    title: '照会に伴う変更と関係書類',
    severity: 'warning',
    basis: '※照会に伴い変更が生じた場合は、関係書類も併せて修正して下さい。／【変更申請する理由】（関連する照会回答書を添付する）',
    check(s) {
      const out: Hit[] = [];
      const changes = changeChecks(s);
      for (const check of inquiryChecks(s)) {
        for (const item of check.content.items) {
          // An answer linked to change items: each item's reason names the answer (its 照会回答書 goes with the 変更申請).
          for (const change of changes) {
            change.content.items.forEach((ci, i) => {
              // Only a 変更申請 still being written can take the citation into its reason.
              if (!isDraft(change) || !item.changeItemIds.includes(ci.id) || cites(ci.reason, check.filing.round, item.number)) return;
              out.push({
                message: `変更内容${i + 1}「${quote(ci.text)}」は${citation(check, item)}による変更です。【変更申請する理由】に「${citation(check, item)}」と書き、その照会回答書を変更申請に添付してください。`,
                locations: [changeItemAt(change, i, 'reason'), inquiryItemAt(check, item)],
                discriminator: `${item.id}>${ci.id}`,
              });
            });
          }
          // An answer that says it changed something, linked to nothing: the documents to revise are not known.
          if (isDraft(check) && changes.length > 0 && item.changeItemIds.length === 0 && SAYS_CHANGED.test(item.answer)) {
            out.push({
              message: `${citation(check, item)}の回答で変更・修正を述べていますが、変更申請の変更内容と関連付けられていません。関連付けると、修正する様式の一覧が出ます（関係書類も併せて修正します）。`,
              locations: [inquiryItemAt(check, item)],
              discriminator: `${item.id}:unlinked`,
            });
          }
        }
      }
      return out;
    },
  },
  {
    id: 'R-CH-5',
    title: '費用負担の変更と同意文書',
    severity: 'warning',
    basis: '費用負担の変更（研究費→患者負担）は、様式第3号(11)・第5号・第6号・第7-1号の費用（R-C-1・R-C-5）と説明文書・同意文書の改訂を伴う',
    check(s) {
      const out: Hit[] = [];
      for (const check of changeChecks(s)) {
        if (!isDraft(check) || !check.diff) continue;
        const burden = check.diff.find((d) => d.id === 'cost/burden');
        if (!burden) continue;
        const items = check.content.items;
        if (items.some((i) => /(?:説明|同意)(?:文書|書)/.test(`${i.text}${i.before}${i.after}${i.reason}`))) continue;
        const index = items.findIndex((i) => i.sourceIds.includes(burden.id));
        out.push({
          message: `費用の負担が変わります（＜変更前＞「${quote(burden.before)}」）。患者さんへの説明文書・同意文書も改訂し、その変更を変更内容に加えてください。様式第3号(11)・第5号・第6号・第7-1号の費用の記載もそろえます。`,
          locations: [index >= 0 ? changeItemAt(check, index, 'text') : at(filingDocPlace(check), 'items', { label: '変更申請（主な変更内容）' })],
        });
      }
      return out;
    },
  },
  {
    id: 'R-CH-6',
    title: '照会回答の引用',
    severity: 'info',
    basis: '回答の中で前の回答を引くときは「照会回答<回>－<番号>」（回と番号は変えない）',
    check(s) {
      const out: Hit[] = [];
      const rounds = new Map<number, InquiryCheck>();
      for (const c of inquiryChecks(s)) if (c.filing.round !== undefined) rounds.set(c.filing.round, c);
      const texts: Array<{ readonly text: string; readonly location: FieldLocation; readonly key: string }> = [];
      for (const check of inquiryChecks(s)) {
        if (isDraft(check)) for (const item of check.content.items) texts.push({ text: item.answer, location: inquiryItemAt(check, item), key: item.id });
      }
      for (const check of changeChecks(s)) {
        if (isDraft(check)) check.content.items.forEach((item, i) => texts.push({ text: item.reason, location: changeItemAt(check, i, 'reason'), key: item.id }));
      }
      for (const t of texts) {
        for (const m of t.text.matchAll(CITATION)) {
          const round = num(m[1]);
          const number = num(m[2]);
          const target = rounds.get(round);
          if (target?.content.items.some((i) => i.number === number)) continue;
          const why = target ? `第${round}回の照会回答に${number}番の照会がありません` : `第${round}回の照会回答がこの案件にありません`;
          out.push({ message: `「${m[0]}」を引用していますが、${why}。回と番号を確かめてください。`, locations: [t.location], discriminator: `${t.key}:${round}-${number}` });
        }
        for (const m of t.text.matchAll(LOOSE_CITATION)) {
          out.push({ message: `「${m[0]}」は、照会回答の引用の書き方「照会回答１－３」（回－番号）にそろえると、どの回答か確実に伝わります。`, locations: [t.location], discriminator: `${t.key}:loose:${m[0]}` });
        }
      }
      return out;
    },
  },
  {
    id: 'R-P-5',
    title: '現在の登録状況',
    severity: 'warning',
    basis: '部会資料様式「先進医療Bの試験実施計画の変更について」：【現在の登録状況】（n症例（YYYY年M月D日現在））は予定症例数以下、基準日は提出日以前',
    check(s) {
      const out: Hit[] = [];
      const planned = inPackage(s, yoshiki3.id) ? numbersIn(textOf(s, yoshiki3, 'plannedCases')) : [];
      for (const check of changeChecks(s)) {
        if (!isDraft(check)) continue;
        const where = [at(filingDocPlace(check), 'registration', { label: '変更申請（【現在の登録状況】）' })];
        const { count, asOf } = check.content.registration;
        if (count.trim() === '' && asOf === '') {
          out.push({ message: '変更申請の【現在の登録状況】（登録した症例数と、その日付）が未記入です。', locations: where, discriminator: 'empty' });
          continue;
        }
        if (count.trim() === '') out.push({ message: '【現在の登録状況】の症例数がありません。', locations: where, discriminator: 'count' });
        const day = parseIsoDate(asOf);
        if (!day) out.push({ message: '【現在の登録状況】の日付（○年○月○日現在）がありません。', locations: where, discriminator: 'as-of' });
        const n = numbersIn(count)[0];
        if (n !== undefined && planned.length > 0 && n > Math.max(...planned)) {
          out.push({ message: `【現在の登録状況】の「${count.trim()}」が、予定症例数「${textOf(s, yoshiki3, 'plannedCases')}」を超えています。`, locations: [...where, atField(yoshiki3, 'plannedCases')], discriminator: 'over' });
        }
        const filed = filedDay(check, s.today);
        if (day && compareYmd(day, filed) > 0) {
          out.push({ message: `【現在の登録状況】の日付（${dateText(day)}現在）が、提出日（${dateText(filed)}）より後です。`, locations: where, discriminator: 'future' });
        }
      }
      return out;
    },
  },
];
