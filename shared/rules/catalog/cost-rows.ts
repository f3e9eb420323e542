/**
 * §4.1 rules over the 積算's rows: 医療機器 (R-C-2), 人件費 (R-C-3), the sum and its 0円 rows (R-C-4), the
 * 委託費 of an outsourcing package (R-C-7) — each with what the 様式第7号 備考 restate of them (cost-notes.ts).
 */
import { noteHits } from './cost-notes';
import { at } from '../submission';
import type { Hit, Rule } from '../types';

/** A material the maker provides free of charge (「…（企業より無償提供）」): 0円 is its right price (R-C-4). */
const FREE_OF_CHARGE = /無償|無料提供|提供を受け/;

export const costRowRules: readonly Rule[] = [
  {
    id: 'R-C-2',
    title: '医療機器の償却費',
    severity: 'error',
    basis: '記載要領 第7(2)：医療機器使用料は使用機器の1回償却費の積算（償却費＝購入価格−残存価格）',
    check(s) {
      const out: Hit[] = [];
      const day = s.facts.cost;
      s.cost.equipment.forEach((e, row) => {
        const where = at('cost', 'equipment', { row, label: `費用の積算 医療機器使用料 ${row + 1}行目（${e.name || '名称なし'}）` });
        if (e.name.trim() === '') out.push({ message: `医療機器使用料の${row + 1}行目に機器名がありません。`, locations: [where], discriminator: `${e.id}:name` });
        if (e.residualValue > e.purchasePrice) out.push({ message: `「${e.name}」の残存価格が購入価格を超えています。償却費は購入価格−残存価格です。`, locations: [where], discriminator: `${e.id}:residual` });
        const line = day.equipment[row];
        if (line?.lifeUnknown) out.push({ severity: 'warning', message: `「${e.name}」の購入年月日がないため、届出日に耐用年数を過ぎているか判断できません（過ぎていれば償却費は0円）。`, locations: [where], discriminator: `${e.id}:life` });
        else if (line?.pastUsefulLife) out.push({ severity: 'info', message: `「${e.name}」は届出日に耐用年数（${e.usefulLifeYears}年）を過ぎているため、償却費を0円として計算しています。`, locations: [where], discriminator: `${e.id}:past` });
      });
      // 様式第7-1号・第7-2号の備考 that restate this part's figures (issue 16).
      out.push(...noteHits(s, 'equipment'));
      return out;
    },
  },
  {
    id: 'R-C-3',
    title: '人件費の積算根拠',
    severity: 'error',
    basis: '記載要領 第7(3)：人件費は職種、単価及び所要時間を記載',
    check(s) {
      const out: Hit[] = [];
      s.cost.staff.forEach((r, row) => {
        const missing = [r.jobTitle.trim() === '' ? '職種' : '', r.unitPrice === 0 ? '単価' : '', r.minutes === 0 ? '所要時間' : ''].filter((x) => x !== '');
        if (missing.length > 0) out.push({ message: `人件費の${row + 1}行目（${r.jobTitle || '職種なし'}）に${missing.join('・')}がありません。`, locations: [at('cost', 'staff', { row, label: `費用の積算 人件費 ${row + 1}行目` })], discriminator: r.id });
      });
      // 様式第7-1号・第7-2号の備考 that restate this part's figures (issue 16).
      out.push(...noteHits(s, 'staff'));
      return out;
    },
  },
  {
    id: 'R-C-4',
    title: '費用の合計',
    severity: 'warning',
    basis: '記載要領 第7(1)：先進医療にかかる費用＝医療機器使用料＋人件費＋医療材料・医薬品費（＋その他）',
    check(s) {
      const c = s.facts.cost;
      const out: Hit[] = [];
      if (s.cost.staff.length === 0 && c.total > 0) out.push({ message: '人件費が積算されていません。先進医療にかかる費用には通常、人件費が含まれます。', locations: [at('cost', 'staff', { label: '費用の積算 人件費' })] });
      const rows = [...s.cost.materials.map((m, row) => ({ row, id: m.id, name: m.name, part: 'materials', zero: (m.unitPrice === 0 && !FREE_OF_CHARGE.test(m.name)) || m.quantity === 0 })), ...s.cost.others.map((o, row) => ({ row, id: o.id, name: o.name, part: 'others', zero: o.amount === 0 }))];
      for (const r of rows) {
        if (r.zero) out.push({ message: `「${r.name || '名称なし'}」の金額が0円です。合計に含まれません。`, locations: [at('cost', r.part, { row: r.row, label: `費用の積算 ${r.part === 'materials' ? '医療材料・医薬品費' : 'その他'} ${r.row + 1}行目` })], discriminator: r.id });
      }
      // 様式第7-1号・第7-2号の備考 that restate this part's figures (issue 16).
      out.push(...noteHits(s, 'materials'));
      return out;
    },
  },
  {
    id: 'R-C-7',
    title: '委託費の計上',
    severity: 'warning',
    applies: { packages: ['outsourcing'] },
    basis: '記載要領 別紙2 第2：委託する場合、受託側の費用は様式第7-1号に計上し、契約書（別紙2 様式第9号）で取り決める',
    check(s) {
      if (s.cost.others.some((o) => /委託|検査|受託/.test(o.name))) return [];
      return [{ message: '委託（共同実施）の届出ですが、費用の積算の「その他」に委託費がありません。受託側の費用を計上してください。', locations: [at('cost', 'others', { label: '費用の積算 その他' })] }];
    },
  },
];
