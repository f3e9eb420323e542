/**
 * §4.8 formal rules the data can show: the 事前相談's age at filing (R-F-2), its preferred dates
 * (R-F-3, folded in from the 事前相談 sheet's own checks), and dates written in prose (R-F-4).
 * R-F-1 (A4) holds by construction: every document is laid out on A4 (shared/document).
 */
import { toIsoDate } from '../../dates/iso-date';
import { formatWareki } from '../../dates/wareki';
import { checkSlots, consultationValidity } from '../../forms/jizen-soudan/checks';
import { costDate } from '../../model/project';
import { at } from '../submission';
import type { Hit, Rule } from '../types';
import { datesOf, proseFields } from './schedule';

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
      const where = [at('jizen-soudan', 'heldOn', { label: '事前相談申込書「事前相談の実施日」' })];
      if (held === '') return [{ severity: 'info', message: '事前相談の実施日が記録されていません。届出は事前相談から6か月以内に行います。', locations: where }];
      const day = costDate(s.project, s.today);
      const v = consultationValidity(held, day);
      if (!v) return [{ severity: 'warning', message: `事前相談の実施日「${held}」が日付として読み取れません。`, locations: where }];
      if (v.expired) return [{ message: `事前相談（${formatWareki(v.heldOn)}）から6か月を過ぎています（${formatWareki(v.expiresOn)}まで）。届出日（${formatWareki(day)}）の前に改めて事前相談を行ってください。`, locations: [...where, at('project', 'filingDate', { label: '案件の基本情報「届出日」' })] }];
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
        for (const [j, m] of messages.entries()) out.push({ severity: m.severity, message: `第${i + 1}希望：${m.message}`, locations: [at('jizen-soudan', 'slots', { row: i, label: `事前相談申込書「第${i + 1}希望」` })], discriminator: `${i}:${j}` });
      });
      for (const [j, m] of group.entries()) out.push({ severity: m.severity, message: m.message, locations: [at('jizen-soudan', 'slots', { label: '事前相談申込書「相談希望日時」' })], discriminator: `g${j}` });
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

