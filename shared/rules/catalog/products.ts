/**
 * §4.5 product / classification rules over the 医薬品・医療機器 that 様式第3号 picks from the マスタ,
 * the 補償・保険 answers of 様式第1号 and 第3号(9), the physicians' experience against 様式第9号,
 * the 文献, and the 実施診療科 names.
 */
import { toAsciiDigits } from '../../dates/wareki';
import { yoshiki11, yoshiki12 } from '../../forms/besshi1/yoshiki1';
import { yoshiki2 } from '../../forms/besshi1/yoshiki2';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki81, yoshiki82 } from '../../forms/besshi1/yoshiki8';
import { yoshiki9, type Yoshiki9 } from '../../forms/besshi1/yoshiki9';
import { APPROVAL_NUMBER, namesProduct, normalizeApproval, pick, type Product } from '../../model/master';
import type { Person } from '../../model/person';
import { numbersIn } from '../extract';
import { wholeAnswerAgreement } from './facts-pairs';
import { answerOf, at, atField, inPackage, textOf, type Submission } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';

const PRODUCT_FIELDS = ['devices', 'materials', 'regenerative'] as const;
type ProductField = (typeof PRODUCT_FIELDS)[number];

interface PickedProduct {
  readonly product: Product;
  readonly field: ProductField;
}

function picked(s: Submission): { products: PickedProduct[]; missing: Array<{ field: ProductField; id: string }> } {
  const products: PickedProduct[] = [];
  const missing: Array<{ field: ProductField; id: string }> = [];
  if (!inPackage(s, yoshiki3.id)) return { products, missing };
  for (const field of PRODUCT_FIELDS) {
    const r = pick(s.facts.masters.products, answerOf(s, yoshiki3, field) ?? []);
    products.push(...r.found.map((product) => ({ product, field })));
    missing.push(...r.missing.map((id) => ({ field, id })));
  }
  return { products, missing };
}

/** ④ states the 一部変更申請状況 of a 適応外 品目: in the 台帳, or in a row typed on 様式第3号 that names it. */
function partialChangeStated(s: Submission, p: Product): boolean {
  if ((p.partialChangeStatus ?? '').trim() !== '') return true;
  return (answerOf(s, yoshiki3, 'partialChange') ?? []).some((r) => namesProduct(r.name ?? '', p) && (r.status ?? '').trim() !== '');
}

const productAt = (p: Product) => at('masters/products', 'approvalNumber', { entryId: p.id, label: `マスタ（医薬品・医療機器）「${p.name || '名称なし'}」` });

/** The first number of a typed value (「25年」→25), if it has exactly one. */
function single(s: string): number | undefined {
  const n = numbersIn(s);
  return n.length === 1 ? n[0] : undefined;
}

/** A 要・不要 row of 様式第9号. */
type RequirementKey = { [K in keyof Yoshiki9]: Yoshiki9[K] extends { readonly need: string } ? K : never }[keyof Yoshiki9];

function needs(s: Submission, key: RequirementKey): boolean {
  return answerOf(s, yoshiki9, key)?.need === '要';
}

function requirement(s: Submission, key: RequirementKey): number | undefined {
  const v = answerOf(s, yoshiki9, key);
  if (v?.need !== '要') return undefined;
  return single(v.value);
}

function performers(s: Submission): Person[] {
  const others = pick(s.facts.masters.people, answerOf(s, yoshiki81, 'performerIds') ?? []).found;
  const p = s.facts.responsiblePhysician;
  return p ? [p, ...others.filter((o) => o.id !== p.id)] : others;
}

/** 医療法施行令 第3条の2 の広告可能な診療科名の基本（複合名はこの語で終わる）. */
const DEPARTMENT_BASES = ['内科', '外科', '精神科', 'アレルギー科', 'リウマチ科', '小児科', '皮膚科', '泌尿器科', '産婦人科', '産科', '婦人科', '眼科', '耳鼻いんこう科', 'リハビリテーション科', '放射線科', '放射線診断科', '放射線治療科', '病理診断科', '臨床検査科', '救急科', '歯科', '矯正歯科', '小児歯科', '歯科口腔外科', '麻酔科', '心療内科', '神経科', '呼吸器科', '消化器科', '胃腸科', '循環器科', '性病科', 'こう門科', '気管食道科'];

export function advertisableDepartment(name: string): boolean {
  // The law writes 耳鼻いんこう科 and こう門科; hospitals write the kanji.
  const n = name.normalize('NFKC').replace(/\s/g, '').replace(/咽喉/g, 'いんこう').replace(/肛門/g, 'こう門');
  return DEPARTMENT_BASES.some((b) => n.endsWith(b));
}

/**
 * Whether a 保険の内容 or その他の措置 says why there is no 補償 although there is a 保険: the insurance
 * covers 賠償 only (「賠償責任保険」 with no 補償 cover named), or the text says 補償 is not given.
 */
export function explainsNoCompensation(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  // 「補償は行わない」「補償金の支払は対象としない」; not 「補償金の対象とならない健康被害には…」, which says there is one.
  const denial = /補償(?:金|保険|責任|特約|条項)?(?:は|を|の)?[^。]{0,20}?(?:行わ|支払わ|含ま|付さ|付け|設け|対象と(?:し|なら)|対象に(?:し|なら)|支給し|負わ)(?:ない|ず)|補償(?:の)?対象外|補償なし/g;
  for (const m of t.matchAll(denial)) if (!/^(?:健康被害|被害|場合|もの|者|症状|事象)/.test(t.slice(m.index + m[0].length))) return true;
  const compensationCover = /補償(?:責任)?保険|補償金|補償特約|補償(?:を|も|に)(?:含|対象|カバー|充て)|補償する/.test(t);
  return /賠償/.test(t) && !compensationCover;
}

/**
 * R-X-4 (issue 16): 補償 無 while 保険 有 — a 臨床研究保険 normally funds the 補償, so the package
 * says why there is none (the insurance covers 賠償 only, …) in 保険の内容 or その他の措置.
 */
function noCompensationExplained(s: Submission): Hit[] {
  type Side = { readonly number: string; readonly bare: boolean; readonly other: string; readonly compensationAt: FieldLocation; readonly otherAt: FieldLocation };
  const sides: Side[] = [];
  if (inPackage(s, yoshiki3.id)) sides.push({ number: yoshiki3.number, bare: textOf(s, yoshiki3, 'compensation') === '無' && textOf(s, yoshiki3, 'insurance') === '有', other: textOf(s, yoshiki3, 'otherMeasures'), compensationAt: atField(yoshiki3, 'compensation'), otherAt: atField(yoshiki3, 'otherMeasures') });
  for (const y1 of [yoshiki11, yoshiki12]) {
    if (inPackage(s, y1.id)) sides.push({ number: y1.number, bare: textOf(s, y1, 'compensation') === '無' && textOf(s, y1, 'insurance') === '有', other: textOf(s, y1, 'otherMeasures'), compensationAt: atField(y1, 'compensation'), otherAt: atField(y1, 'otherMeasures') });
  }
  const bare = sides.filter((x) => x.bare);
  const first = bare[0];
  if (!first) return [];
  const detail = inPackage(s, yoshiki3.id) ? textOf(s, yoshiki3, 'insuranceDetail').trim() : '';
  if ([detail, ...sides.map((x) => x.other)].some(explainsNoCompensation)) return [];
  const quoted = detail === '' ? '' : `（保険の内容「${Array.from(detail).length > 40 ? `${Array.from(detail).slice(0, 40).join('')}…` : detail}」）`;
  return [
    {
      message: `${first.number}で補償が「無」、保険への加入が「有」ですが、補償を行わない理由（加入する保険が賠償責任のみを対象とする等）が保険の内容・その他の措置に書かれていません${quoted}。保険で補償する場合は補償を「有」に、そうでなければ保険の対象を書いてください。`,
      locations: [...bare.map((x) => x.compensationAt), ...(inPackage(s, yoshiki3.id) ? [atField(yoshiki3, 'insuranceDetail')] : []), first.otherAt],
      discriminator: 'no-compensation',
    },
  ];
}

/** A department as compared: NFKC, no spaces, no parenthesised note (「外科（上部消化管）」 → 「外科」). */
const deptKey = (d: string): string => d.normalize('NFKC').replace(/\([^)]*\)/g, '').replace(/[\s　]/g, '');

/**
 * The departments 様式第9号's 「診療科」 of the 実施責任医師 allows (「消化器外科又は外科」 →
 * 消化器外科, 外科), or undefined when it is not a closed list of names (「外科系」「消化器外科等」,
 * 「…及び…」).
 */
export function departmentAlternatives(value: string): string[] | undefined {
  const v = deptKey(value);
  if (v === '' || /等|など|関連|相当|類する|系|及び|並びに|かつ|以上/.test(v)) return undefined;
  const alts = value.normalize('NFKC').split(/又は|若しくは|もしくは|または|、|・|,|\/|\sor\s/i).map(deptKey).filter((x) => x !== '');
  return alts.length > 0 ? alts : undefined;
}

/** R-X-6 (issue 16): a 実施医療機関 of 様式第2号 (typed or registered) whose 実施診療科 is none of 様式第9号's. */
function departmentsOutside(s: Submission): Hit[] {
  const req = answerOf(s, yoshiki9, 'physDept');
  if (req?.need !== '要' || !inPackage(s, yoshiki2.id)) return [];
  const alts = departmentAlternatives(req.value);
  if (!alts) return [];
  const rows: Array<{ name: string; department: string; where: FieldLocation; d: string }> = [];
  const p = s.facts.responsiblePhysician;
  if (p) rows.push({ name: s.facts.institution?.name.trim() || '申請医療機関', department: p.department, where: at('roster', 'department', { entryId: p.id, label: `職員名簿「${p.name}」（実施責任医師）` }), d: `dept:${p.id}` });
  for (const site of s.sites) {
    if (site.role !== '協力医療機関' && site.role !== '調整医療機関') continue;
    rows.push({ name: site.name.trim() || '（名称未入力）', department: site.department, where: at('sites', 'department', { entryId: site.id, label: `実施医療機関「${site.name.trim() || '名称未入力'}」` }), d: `dept:${site.id}` });
  }
  (answerOf(s, yoshiki2, 'sites') ?? []).forEach((r, row) => rows.push({ name: (r.name ?? '').trim() || `${row + 1}行目`, department: r.department ?? '', where: atField(yoshiki2, 'sites', { row }), d: `dept:row${row}` }));
  const out: Hit[] = [];
  for (const r of rows) {
    const k = deptKey(r.department);
    if (k === '' || alts.includes(k)) continue;
    out.push({
      message: `様式第2号の${r.name}の実施診療科「${r.department.trim()}」は、様式第9号の実施責任医師の診療科「${req.value.trim()}」のどれにも当たりません。要件の診療科で実施するか、診療科の書き方を確かめてください。`,
      locations: [r.where, atField(yoshiki9, 'physDept')],
      discriminator: r.d,
    });
  }
  return out;
}

export const productRules: readonly Rule[] = [
  {
    id: 'R-X-1',
    title: '承認又は認証番号',
    severity: 'error',
    basis: '記載要領 第4(2-1)③：医薬品医療機器法承認又は認証番号（16桁）。未承認・未認証の場合を除く',
    check(s) {
      const { products, missing } = picked(s);
      const out: Hit[] = missing.map((m) => ({ message: `様式第3号で選んだ品目（${m.id}）がマスタにありません。選び直してください。`, locations: [atField(yoshiki3, m.field)], discriminator: m.id }));
      for (const { product: p } of products) {
        if (p.labelUse === '未承認') continue;
        const n = normalizeApproval(p.approvalNumber);
        if (n === '') out.push({ message: `「${p.name}」の承認又は認証番号（16桁）がありません。未承認の場合は「未承認」を選びます。`, locations: [productAt(p)] });
        else if (!APPROVAL_NUMBER.test(n)) out.push({ message: `「${p.name}」の承認又は認証番号「${p.approvalNumber}」は16桁（例：30200BZX00289000）ではありません（${Array.from(n).length}文字）。`, locations: [productAt(p)] });
      }
      return out;
    },
  },
  {
    id: 'R-X-2',
    title: '承認上の適応と適応外使用の該当',
    severity: 'error',
    basis: '記載要領 第4(2-1)④⑤：未承認の場合は承認上の適応・適応外使用の該当は空欄、それ以外は適応内／適応外を記載',
    check(s) {
      const out: Hit[] = [];
      for (const { product: p } of picked(s).products) {
        const where = [at('masters/products', 'labelUse', { entryId: p.id, label: `マスタ（医薬品・医療機器）「${p.name}」` })];
        if (p.labelUse === '') out.push({ message: `「${p.name}」が適応内・適応外・未承認のどれか選ばれていません。`, locations: where });
        else if (p.labelUse === '未承認' && p.approvedIndication.trim() !== '') out.push({ message: `「${p.name}」は未承認なので「承認又は認証上の適応」は空欄にします。`, locations: where });
        else if (p.labelUse !== '未承認' && p.approvedIndication.trim() === '') out.push({ message: `「${p.name}」の「承認又は認証上の適応」がありません。`, locations: where });
      }
      return out;
    },
  },
  {
    id: 'R-X-3',
    title: '未承認・適応外の品目と区分',
    severity: 'error',
    basis: '記載要領 第4(2-1)⑦⑧・先進医療の区分：未承認・適応外の医薬品等を用いる技術は先進医療B',
    check(s) {
      const out: Hit[] = [];
      const off = picked(s).products.filter((x) => x.product.labelUse === '未承認' || x.product.labelUse === '適応外');
      for (const { product: p, field } of off) {
        if (s.category === 'A') out.push({ message: `「${p.name}」は${p.labelUse}です。未承認・適応外の医薬品・医療機器を用いる技術は先進医療Bとして届け出ます（体外診断薬で人体への影響が極めて小さい場合を除く）。`, locations: [atField(yoshiki3, field), at('project', 'category', { label: '案件の基本情報「区分」' })], discriminator: `${p.id}:A` });
        if (p.usage.trim() === '' && textOf(s, yoshiki3, 'usageNote').trim() === '') out.push({ severity: 'warning', message: `「${p.name}」（${p.labelUse}）の使用方法等がありません（マスタの「使用方法等」または様式第3号⑤）。`, locations: [at('masters/products', 'usage', { entryId: p.id, label: `マスタ（医薬品・医療機器）「${p.name}」` }), atField(yoshiki3, 'usageNote')], discriminator: `${p.id}:usage` });
        if (p.labelUse === '適応外' && s.category === 'B' && !partialChangeStated(s, p)) out.push({ severity: 'warning', message: `「${p.name}」は適応外使用です。マスタ（医薬品・医療機器）の「医薬品医療機器法承認一部変更申請状況」に書いてください（様式第3号④に印刷されます）。`, locations: [at('masters/products', 'partialChangeStatus', { entryId: p.id, label: `マスタ（医薬品・医療機器）「${p.name}」` })], discriminator: `${p.id}:change` });
      }
      return out;
    },
  },
  {
    id: 'R-X-4',
    title: '補償・保険の記載の一致',
    severity: 'warning',
    basis: '記載要領 第2(3)(4)(5)・第4(9)：補償の有無・保険への加入の有無・その他の措置は様式第1号と様式第3号(9)で同じ定義',
    check(s) {
      const out: Hit[] = [];
      const y1 = inPackage(s, yoshiki11.id) ? yoshiki11 : yoshiki12;
      if (inPackage(s, yoshiki3.id) && textOf(s, yoshiki3, 'insurance') === '有' && textOf(s, yoshiki3, 'insuranceDetail').trim() === '') {
        out.push({ severity: 'error', message: '保険に加入する場合は、様式第3号に保険の内容を記載してください。', locations: [atField(yoshiki3, 'insuranceDetail')], discriminator: 'detail' });
      }
      out.push(...noCompensationExplained(s));
      if (!inPackage(s, yoshiki3.id) || !inPackage(s, y1.id)) return out;
      for (const [key, name] of [['compensation', '補償の有無'], ['insurance', '保険への加入の有無']] as const) {
        const a = textOf(s, y1, key);
        const b = textOf(s, yoshiki3, key);
        if (a !== '' && b !== '' && a !== b) out.push({ message: `${name}が様式第1号（${a}）と様式第3号（${b}）で異なります。`, locations: [atField(y1, key), atField(yoshiki3, key)], discriminator: key, agreement: wholeAnswerAgreement(name, [{ location: atField(y1, key), text: a }, { location: atField(yoshiki3, key), text: b }]) });
      }
      const o1 = textOf(s, y1, 'otherMeasures').trim();
      const o3 = textOf(s, yoshiki3, 'otherMeasures').trim();
      if ((o1 === '') !== (o3 === '')) out.push({ message: '「その他の措置」が様式第1号と様式第3号の一方にしか書かれていません。', locations: [atField(y1, 'otherMeasures'), atField(yoshiki3, 'otherMeasures')], discriminator: 'other' });
      return out;
    },
  },
  {
    id: 'R-X-5',
    title: '経験症例数',
    severity: 'error',
    basis: '記載要領 第8(2)・第9(2)：手術は術者と助手の経験症例数、検査は術者（実施者）の経験症例数（有効かつ安全に実施した症例）',
    check(s) {
      if (!inPackage(s, yoshiki81.id)) return [];
      const surgery = needs(s, 'physCasesAssistant');
      const out: Hit[] = [];
      for (const p of performers(s)) {
        const where = [at('roster', 'casesOperator', { entryId: p.id, label: `職員名簿「${p.name}」` })];
        if (p.casesOperator.trim() === '') out.push({ message: `${p.name}の経験症例数（術者（実施者）として）がありません。`, locations: where, discriminator: `${p.id}:op` });
        if (surgery && p.casesAssistant.trim() === '') out.push({ message: `${p.name}の経験症例数（助手として）がありません。手術の場合は術者・助手の両方を記載します。`, locations: where, discriminator: `${p.id}:as` });
      }
      return out;
    },
  },
  {
    id: 'R-X-6',
    title: '様式第9号の要件を満たすか',
    severity: 'warning',
    basis: '記載要領 第8・第9：様式第8号の体制は様式第9号の「要」の要件を満たすこと',
    check(s) {
      if (!inPackage(s, yoshiki9.id)) return [];
      const out: Hit[] = [];
      const p = s.facts.responsiblePhysician;
      const compare = (need: number | undefined, have: string, what: string, where: ReturnType<typeof at>[], d: string) => {
        const h = single(toAsciiDigits(have));
        if (need !== undefined && h !== undefined && h < need) out.push({ message: `${what}が${h}で、様式第9号の要件（${need}以上）を満たしていません。`, locations: where, discriminator: d });
      };
      if (p) {
        const rw = [at('roster', undefined, { entryId: p.id, label: `職員名簿「${p.name}」（実施責任医師）` })];
        compare(requirement(s, 'physYearsDept'), p.yearsInDept, `実施責任医師の当該診療科の経験年数`, [...rw, atField(yoshiki9, 'physYearsDept')], 'yd');
        compare(requirement(s, 'physYearsTech'), p.yearsInTech, `実施責任医師の当該技術の経験年数`, [...rw, atField(yoshiki9, 'physYearsTech')], 'yt');
        compare(requirement(s, 'physCasesOperator'), p.casesOperator, `実施責任医師の経験症例数（術者として）`, [...rw, atField(yoshiki9, 'physCasesOperator')], 'co');
        const op = single(p.casesOperator);
        const as = single(p.casesAssistant);
        compare(requirement(s, 'physCasesAssistant'), op !== undefined && as !== undefined ? String(op + as) : '', `実施責任医師の経験症例数（助手又は術者として）`, [...rw, atField(yoshiki9, 'physCasesAssistant')], 'ca');
      }
      out.push(...departmentsOutside(s));
      if (inPackage(s, yoshiki82.id)) {
        compare(requirement(s, 'instBeds'), textOf(s, yoshiki82, 'beds'), '病床数', [atField(yoshiki82, 'beds'), atField(yoshiki9, 'instBeds')], 'beds');
        compare(requirement(s, 'instCases'), textOf(s, yoshiki82, 'casesDone'), '医療機関としての実施症例数', [atField(yoshiki82, 'casesDone'), atField(yoshiki9, 'instCases')], 'cases');
      }
      return out;
    },
  },
  {
    id: 'R-X-7',
    title: '文献の種類',
    severity: 'warning',
    basis: '記載要領 第4(19)：文献は査読のある原著論文（教科書の抜粋、学会抄録、研究費の報告書は不可）',
    check(s) {
      if (!inPackage(s, yoshiki3.id)) return [];
      const t = textOf(s, yoshiki3, 'literature');
      // 「Proceedings of the National Academy of Sciences」 is a journal: only meetings' proceedings are flagged.
      const bad = t.split('\n').filter((l) => /抄録|学会発表|学術集会|教科書|成書|研究費.{0,10}報告書|総括研究報告|\babstracts?\b|textbook|\b(?:conference|congress|meeting|symposium)\b/i.test(l));
      return bad.map((line) => ({ message: `文献「${line.trim().slice(0, 40)}」は学会抄録・教科書・研究報告書のようです。査読のある原著論文を挙げてください。`, locations: [atField(yoshiki3, 'literature')], discriminator: line.trim().slice(0, 80) }));
    },
  },
  {
    id: 'R-X-8',
    title: '実施診療科の名称',
    severity: 'warning',
    basis: '記載要領 第8(1)：実施診療科は医療法上広告可能な診療科名',
    check(s) {
      const out: Hit[] = [];
      const seen = new Set<string>();
      for (const p of performers(s)) {
        const d = p.department.trim();
        if (d === '' || seen.has(d) || advertisableDepartment(d)) continue;
        seen.add(d);
        out.push({ message: `実施診療科「${d}」（${p.name}の診療科）は広告可能な診療科名ではないようです（例：消化器外科、病理診断科）。`, locations: [at('roster', 'department', { entryId: p.id, label: `職員名簿「${p.name}」` })], discriminator: d });
      }
      return out;
    },
  },
];
