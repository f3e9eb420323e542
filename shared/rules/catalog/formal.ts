/**
 * §4.8 formal rules the data can show: the 事前相談's age at filing (R-F-2), its preferred dates and
 * 同行者 (R-F-3, folded in from the 事前相談 sheet's own checks), dates written in prose (R-F-4), and
 * our own R-F-6: the committee's approval comes before the 届出日 (a 事前相談 after it is R-F-2's).
 * R-F-1 (A4) holds by construction: every document is laid out on A4 (shared/document).
 */
import { compareYmd, parseIsoDate, toIsoDate } from '../../dates/iso-date';
import { formatWareki } from '../../dates/wareki';
import { yoshiki2 } from '../../forms/besshi1/yoshiki2';
import { checkSlots, checkVisitors, consultationValidity } from '../../forms/jizen-soudan/checks';
import { costDate } from '../../model/project';
import { at, atField, inPackage, textOf } from '../submission';
import type { Hit, Rule } from '../types';
import { proseApprovals, quote } from './changes';
import { datesOf, proseFields } from './prose';

const heldOnAt = at('jizen-soudan', 'heldOn', { label: '事前相談申込書「事前相談の実施日」' });
const filingDateAt = at('project', 'filingDate', { label: '案件の基本情報「届出日」' });

/** First and last day of each era as printed on forms (R-F-4). */
const ERAS: Readonly<Record<string, readonly [string, string]>> = {
  令和: ['2019-05-01', '9999-12-31'],
  平成: ['1989-01-08', '2019-04-30'],
  昭和: ['1926-12-25', '1989-01-07'],
};

export const formalRules: readonly Rule[] = [
  {
    id: 'R-F-2',
    title: '事前相談からの期間',
    severity: 'error',
    applies: { packages: ['new-a', 'new-b'] },
    basis: '記載要領 第6-2：事前相談から6か月を経過した場合は、届出前に改めて事前相談を行う',
    check(s) {
      const held = s.consultation?.heldOn.trim() ?? '';
      const where = [heldOnAt];
      // Not held yet but asked for (相談希望日時 typed): R-F-3 checks the request; the 6 months start once it is held.
      if (held === '' && s.consultation?.slots.some((x) => x.date.trim() !== '')) return [];
      if (held === '') return [{ severity: 'info', message: '事前相談の実施日が記録されていません。届出は事前相談から6か月以内に行います。', locations: where }];
      const day = costDate(s.project, s.today);
      const v = consultationValidity(held, day);
      if (!v) return [{ severity: 'warning', message: `事前相談の実施日「${held}」が日付として読み取れません。`, locations: where }];
      // The 事前相談 comes before the 届出 (記載要領 第6-2): a 実施日 after the 届出日 is a typing slip in one of them.
      const filing = parseIsoDate(s.project.filingDate);
      if (filing && compareYmd(v.heldOn, filing) > 0) {
        return [{ message: `事前相談の実施日（${formatWareki(v.heldOn)}）が届出日（${formatWareki(filing)}）より後です。事前相談を済ませてから届け出ます。実施日か届出日を直してください。`, locations: [...where, filingDateAt], discriminator: 'after-filing' }];
      }
      if (v.expired) return [{ message: `事前相談（${formatWareki(v.heldOn)}）から6か月を過ぎています（${formatWareki(v.expiresOn)}まで）。届出日（${formatWareki(day)}）の前に改めて事前相談を行ってください。`, locations: [...where, filingDateAt] }];
      return [];
    },
  },
  {
    id: 'R-F-3',
    title: '事前相談の希望日時',
    severity: 'warning',
    applies: { packages: ['new-a', 'new-b'] },
    basis: '事前相談申込書：第1〜第3希望、平日（土日祝日・年末年始を除く）、原則14:00〜17:00',
    check(s) {
      const c = s.consultation;
      if (!c || c.heldOn.trim() !== '') return [];
      const { perSlot, group } = checkSlots(c.slots, s.today);
      const out: Hit[] = [];
      perSlot.forEach((messages, i) => {
        const slot = c.slots[i];
        const day = parseIsoDate(slot?.date ?? '');
        // The slot as typed, so the message says which one: 「第1希望（令和９年４月２９日 14:00〜15:00）」.
        const typed = [day ? formatWareki(day) : (slot?.date ?? ''), slot && (slot.start || slot.end) ? `${slot.start || '—'}〜${slot.end || '—'}` : ''].filter(Boolean).join(' ');
        for (const [j, m] of messages.entries()) out.push({ severity: m.severity, message: `第${i + 1}希望${typed ? `（${typed}）` : ''}：${m.message}`, locations: [at('jizen-soudan', 'slots', { row: i, label: `事前相談申込書「第${i + 1}希望」` })], discriminator: `${i}:${j}` });
      });
      for (const [j, m] of group.entries()) out.push({ severity: m.severity, message: m.message, locations: [at('jizen-soudan', 'slots', { label: '事前相談申込書「相談希望日時」' })], discriminator: `g${j}` });
      // 同行者: the staff of the company handling the drug or device are asked to come too. Products
      // picked from the マスタ count as named as much as typed ones.
      const products = `${c.products}${(c.productIds ?? []).join(' ')}`;
      if (checkVisitors(c.visitors, products).length > 0) {
        const named = c.visitors.filter((v) => v.name.trim() !== '').map((v) => `${v.name.trim()}（${v.affiliation.trim() || '所属なし'}）`);
        out.push({ severity: 'info', message: `同行者（${quote(named.join('、'))}）に、使用する医薬品・医療機器の取扱企業の担当者がいません。同行を求められています。企業の担当者を加え、所属に会社名を書いてください。`, locations: [at('jizen-soudan', 'visitors', { label: '事前相談申込書「同行者」' })], discriminator: 'visitors' });
      }
      return out;
    },
  },
  {
    id: 'R-F-6',
    title: '届出日より前の委員会の承認',
    severity: 'error',
    applies: { packages: ['new-a', 'new-b'] },
    basis: '本アプリ独自（§4.8 の補足）：記載要領 第3(1) の倫理審査委員会の承認は届出の前に得ておくもの：様式第2号の承認年月日・本文の委員会の承認日は届出日以前（事前相談の実施日は R-F-2）',
    check(s) {
      const filing = parseIsoDate(s.project.filingDate);
      if (!filing) return [];
      const filed = formatWareki(filing);
      const out: Hit[] = [];
      const approved = inPackage(s, yoshiki2.id) ? parseIsoDate(textOf(s, yoshiki2, 'approvedOn')) : undefined;
      if (approved && compareYmd(approved, filing) > 0) {
        out.push({ message: `様式第2号の承認年月日（${formatWareki(approved)}）が届出日（${filed}）より後です。倫理審査委員会の承認を得てから届け出ます。承認年月日か届出日を直してください。`, locations: [atField(yoshiki2, 'approvedOn'), filingDateAt], discriminator: 'approved' });
      }
      for (const { p, d } of proseApprovals(s)) {
        if (compareYmd(d.value.ymd, filing) <= 0) continue;
        // The same date as 様式第2号's, already reported above.
        if (approved && compareYmd(approved, d.value.ymd) === 0) continue;
        out.push({ message: `${at(p.doc, p.field).label}の「${quote(d.sentence)}」という文で委員会の承認日が「${d.text}」ですが、届出日（${filed}）より後です。承認を得てから届け出ます。`, locations: [at(p.doc, p.field), filingDateAt], discriminator: `${p.doc}.${p.field}:${d.text}` });
      }
      return out;
    },
  },
  {
    id: 'R-F-4',
    title: '日付の書き方',
    severity: 'info',
    basis: '様式の日付は和暦（令和元年＝2019年5月1日から）。病院が作成する文書は西暦も可',
    check(s) {
      const out: Hit[] = [];
      for (const p of proseFields(s)) {
        const dates = datesOf(p);
        for (const d of dates) {
          const range = d.value.eraName ? ERAS[d.value.eraName] : undefined;
          const iso = toIsoDate(d.value.ymd);
          if (range && (iso < range[0] || iso > range[1])) {
            out.push({ severity: 'error', message: `${at(p.doc, p.field).label}の「${d.text}」は${d.value.eraName}の期間外の日付です（${range[0]}〜）。`, locations: [at(p.doc, p.field)], discriminator: `era:${d.start}` });
          }
        }
        if (dates.some((d) => d.value.era === 'wareki') && dates.some((d) => d.value.era === 'seireki')) {
          out.push({ message: `${at(p.doc, p.field).label}で和暦と西暦が混在しています。印刷では、様式の書き方（和暦・全角数字）にすべての日付を揃えます。`, locations: [at(p.doc, p.field)], discriminator: 'mix' });
        }
      }
      return out;
    },
  },
];

