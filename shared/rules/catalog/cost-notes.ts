/**
 * The 備考 of 様式第7-1号・第7-2号 restating a 積算 row's figures (記載要領 第7(2)(3): the 償却費 and the
 * 人件費 are explained there): 「看護師は１時間当たり４，５００円とした」 while the 積算's 看護師 row
 * has 4,000円/時間. Printed on the same sheet, the two must agree. R-C-2 (医療機器), R-C-3 (人件費)
 * and R-C-4 (医療材料・医薬品) call `noteHits` for their part.
 *
 * Read per clause (a sentence split at 、): a 積算 row named there (a device or material by its name or
 * a long enough part of it — 「インドシアニングリーン」 for 「インドシアニングリーン注射用25mg」 —, a 職種
 * by its head noun: 「看護師」 of 「看護師（投与中の観察）」), then the FIRST 円 amount after the name.
 * The words between them say which figure it is (「１回償却費は」「購入価格」「１時間当たり」「単価」); with
 * none, any of the row's figures will do. Silent when the clause names two rows (「医師・看護師は」),
 * when the amount is an estimate (「約」「程度」), a range (「～」), a share (「10％」), a sum of several
 * things (「等」「を含む」「合計」), another price (「薬価」「定価」「保守」「月給」), or what it was before
 * (「変更前」「ではなく」).
 */
import { yoshiki71, yoshiki72 } from '../../forms/besshi1/yoshiki7';
import { formatYenWithUnit } from '../../money/yen';
import { div, mul, rational, toYen, type Rational } from '../../cost/rational';
import { findYen } from '../extract';
import { at, fieldRef, inPackage, text, type FieldRef, type Submission } from '../submission';
import type { Hit } from '../types';

/** The 備考 of 様式第7-1号 and 第7-2号, where the 積算's figures are explained. */
const NOTES: readonly FieldRef[] = [fieldRef(yoshiki71, 'notes'), fieldRef(yoshiki72, 'notes')];

export type NotePart = 'equipment' | 'staff' | 'materials';

/** One figure of a 積算 row a note may restate, as a message names it. */
interface Figure {
  readonly kind: string;
  readonly values: readonly number[];
  readonly said: string;
}

interface NamedRow {
  readonly part: NotePart;
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** Where the name ends in the clause, or -1 when the clause does not name this row. */
  readonly find: (clause: string) => number;
  readonly figures: readonly Figure[];
  /** The row's 耐用年数, 年間使用回数 (equipment) or 所要時間 in minutes (staff), for notes that restate them. */
  readonly counts?: { readonly years?: number; readonly usesPerYear?: number; readonly minutes?: number };
}

const y = formatYenWithUnit;
/** Full-width ASCII (「４，５００」「ＩＣＧ」) folded to ASCII, one character for one, so offsets stay those of the typed text. */
const fold = (t: string): string => t.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
/** fold() of the text asked last: every row of the 積算 looks for its name in the same clause. */
let folded: { readonly from: string; readonly to: string } = { from: '', to: '' };
function foldOnce(t: string): string {
  if (folded.from !== t) folded = { from: t, to: fold(t) };
  return folded.to;
}
/** A fraction of 円 as any of the three roundings prints it. */
const rounded = (r: Rational): number[] => [...new Set((['floor', 'round', 'ceil'] as const).map((m) => toYen(r, m)))];

/** The name without its bracketed notes (「（腹腔内投与分）」「「架空」」), full-width folded. */
const bare = (name: string): string => fold(name).replace(/[（(「『【［[][^）)」』】］\]]*[）)」』】］\]]/g, '').trim();

/** Parts of names too common to name one row by themselves. */
const GENERIC = new Set(['システム', 'セット', 'キャビネット', 'モニター', '注射用', '点滴静注', '医療機器', '医療材料', '使用料']);
const MIN_PART = 4;

/**
 * Where the longest part (≥ 4 characters, not a generic word) of `name` that the clause holds ends
 * in the clause; -1 when there is none.
 */
function nameEnd(clause: string, name: string): number {
  const c = foldOnce(clause);
  const n = bare(name);
  if (n.length < MIN_PART) return n !== '' && c.includes(n) ? c.indexOf(n) + n.length : -1;
  // Every longer part holds a part of MIN_PART characters: without one in the clause, nothing matches.
  let any = false;
  for (let i = 0; i + MIN_PART <= n.length && !any; i++) any = c.includes(n.slice(i, i + MIN_PART));
  if (!any) return -1;
  for (let len = n.length; len >= MIN_PART; len--) {
    let best = -1;
    for (let i = 0; i + len <= n.length; i++) {
      const part = n.slice(i, i + len);
      if (GENERIC.has(part) || /^[0-9a-zA-Z.\s]+$/.test(part)) continue;
      const at = c.indexOf(part);
      if (at >= 0 && (best < 0 || at + len < best)) best = at + len;
    }
    if (best >= 0) return best;
  }
  return -1;
}

/** The 職種 a staff row names: its head noun before any bracket (「看護師」 of 「看護師（６回分）」). */
const jobHead = (title: string): string => bare(title).split(/[・、,／/\s]/)[0] ?? '';

/** Where the 職種 ends in the clause: a whole word (「医師」 not inside 「病理医師」「歯科医師」; 「・」 is a boundary). */
function jobEnd(clause: string, head: string): number {
  if (head === '') return -1;
  const c = fold(clause);
  for (let from = c.indexOf(head); from >= 0; from = c.indexOf(head, from + 1)) {
    if (from > 0 && /[\u4e00-\u9fff々\u30a1-\u30fa\u30fc]/.test(c.charAt(from - 1))) continue;
    return from + head.length;
  }
  return -1;
}

function namedRows(s: Submission): NamedRow[] {
  const c = s.facts.cost;
  const rows: NamedRow[] = [];
  c.equipment.forEach((line, row) => {
    const e = line.item;
    const depreciable = Math.max(0, e.purchasePrice - e.residualValue);
    const annual = rational(depreciable, e.usefulLifeYears);
    const perUse = div(annual, rational(e.usesPerYear));
    const uses = e.usesPerCase > 1 ? `×${e.usesPerCase}回` : '';
    rows.push({
      part: 'equipment',
      row,
      id: e.id,
      name: e.name,
      find: (clause) => nameEnd(clause, e.name),
      counts: { years: e.usefulLifeYears, usesPerYear: e.usesPerYear },
      figures: [
        { kind: 'purchase', values: [e.purchasePrice], said: `購入価格${y(e.purchasePrice)}` },
        { kind: 'residual', values: [e.residualValue], said: `残存価格${y(e.residualValue)}` },
        { kind: 'annual', values: rounded(annual), said: `年間償却費${y(toYen(annual, s.cost.rounding))}` },
        { kind: 'perUse', values: [...rounded(perUse), line.amount], said: `1回償却費${y(toYen(perUse, s.cost.rounding))}${uses ? `（1症例${uses}で${y(line.amount)}）` : ''}` },
        { kind: 'depreciation', values: [depreciable, ...rounded(annual), ...rounded(perUse), line.amount], said: `償却費${y(depreciable)}（1回${y(toYen(perUse, s.cost.rounding))}）` },
        { kind: 'amount', values: [line.amount, ...rounded(mul(perUse, rational(e.usesPerCase)))], said: `医療機器使用料${y(line.amount)}` },
      ],
    });
  });
  c.staff.forEach((line, row) => {
    const r = line.item;
    const hour = r.per === 'hour' ? [r.unitPrice] : [r.unitPrice * 60];
    const minute = r.per === 'minute' ? [r.unitPrice] : rounded(rational(r.unitPrice, 60));
    const unit = `${y(r.unitPrice)}／${r.per === 'hour' ? '時間' : '分'}`;
    rows.push({
      part: 'staff',
      row,
      id: r.id,
      name: r.jobTitle,
      find: (clause) => jobEnd(clause, jobHead(r.jobTitle)),
      counts: { minutes: r.minutes },
      figures: [
        { kind: 'hour', values: hour, said: `単価${unit}` },
        { kind: 'minute', values: minute, said: `単価${unit}` },
        { kind: 'amount', values: [line.amount], said: `人件費${y(line.amount)}（${unit}×${r.minutes}分）` },
      ],
    });
  });
  c.materials.forEach((line, row) => {
    const m = line.item;
    rows.push({
      part: 'materials',
      row,
      id: m.id,
      name: m.name,
      find: (clause) => nameEnd(clause, m.name),
      figures: [
        { kind: 'unit', values: [m.unitPrice], said: `単価${y(m.unitPrice)}` },
        { kind: 'amount', values: [line.amount], said: `金額${y(line.amount)}（${y(m.unitPrice)}×${m.quantity}）` },
      ],
    });
  });
  return rows;
}

/** Between the name and the amount: the amount is not one row's figure (a sum, a share, another price, a former value). */
const NOT_THE_ROW = /等|など|ほか|他の|を含|含め|計(?!上|算|測)|合わせ|総額|全体|先進医療|一式|うち|残り|負担|請求|保険|点数|差額|比較|従来|変更前|改定前|以前|[％%]|割|約|およそ|概ね|最大|最低|上限|下限|[～〜~]\s*$/;
/** Words right after the amount that make it an estimate, a bound or a former value. */
const NOT_AFTER = /^\s*(?:程度|前後|ほど|くらい|ぐらい|余り|強|弱|以上|以下|未満|超|を超|[～〜~－-]|から|では|でなく|ではなく|を改め|を見込|と見込|と推計|と試算)/;
/** Another part's words: the amount is said of something else than this row. */
const OTHER_PART: Readonly<Record<NotePart, RegExp>> = {
  equipment: /人件費|材料|医薬品|薬剤|保守|修理|点検|リース|レンタル|定価|税抜|消耗|メンテ|更新|委託/,
  staff: /使用料|償却|材料|医薬品|薬剤|月給|月額|年収|年額|年俸|賞与|手当|基本給|日給|日当/,
  materials: /人件費|使用料|償却|薬価|定価|公定|償還価格|税抜|希望小売|標準価格/,
};

/** Which of the row's figures the words around the amount name; undefined: any of them. */
function figureKind(part: NotePart, label: string, after: string): string | undefined {
  if (part === 'equipment') {
    if (/1回(?:当たり|あたり)?の?償却/.test(label)) return 'perUse';
    if (/年間の?償却|1年(?:当たり|あたり)の?償却/.test(label)) return 'annual';
    if (/残存価|残価/.test(label)) return 'residual';
    if (/購入価|購入額|購入費|取得価/.test(label) || /^\s*(?:で|にて)(?:購入|取得|導入)/.test(after)) return 'purchase';
    if (/償却/.test(label)) return 'depreciation';
    if (/使用料/.test(label)) return 'amount';
    return undefined;
  }
  if (part === 'staff') {
    if (/時間(?:当たり|あたり)|1時間|時給|時間単価|毎時/.test(label) || /^\s*[/／](?:1?時間|時|h)/.test(after)) return 'hour';
    if (/分(?:当たり|あたり)|1分|分単価/.test(label) || /^\s*[/／]1?分/.test(after)) return 'minute';
    return undefined;
  }
  if (/単価|購入価|価格/.test(label)) return 'unit';
  return undefined;
}

/** Counts in the words before the amount (「２本で」「１回２０分×６回」): the amount may be a figure times one. */
const countsIn = (label: string): number[] => Array.from(label.matchAll(/(\d+(?:\.\d+)?)\s*(?:本|個|枚|瓶|バイアル|V|セット|袋|管|回|症例|mg|mL|ml)/g), (m) => Number(m[1])).filter((n) => n > 1);

/** What may follow a name that is the topic of the next clause: nothing, 「は」「：」, 「の単価は」. */
const TOPIC_AFTER_NAME = /^\s*(?:\([^)]*\))?\s*(?:の[^、，,]{0,8})?(?:は|が|も|:)?\s*$/;

/** Clauses of a sentence: split at 、，, but not at a thousands separator (「４，５００円」). */
const clausesOf = (sentence: string): string[] => sentence.split(/[、，,](?![0-9０-９]{3})/);

/**
 * Each 備考 of the package with the 積算 rows it names at all: only those are looked for clause by
 * clause (200 products against long notes).
 */
function notesNaming(s: Submission): Array<{ readonly p: FieldRef; readonly note: string; readonly rows: NamedRow[] }> {
  const all = namedRows(s);
  const out: Array<{ readonly p: FieldRef; readonly note: string; readonly rows: NamedRow[] }> = [];
  for (const p of NOTES) {
    if (!inPackage(s, p.doc)) continue;
    const note = text(s, p.doc, p.field);
    const rows = all.filter((r) => r.find(note) >= 0);
    if (rows.length > 0) out.push({ p, note, rows });
  }
  return out;
}

interface NoteMismatch {
  readonly doc: string;
  readonly field: string;
  readonly sentence: string;
  /** The amount as typed (the search ran over the folded text, whose offsets are the typed text's). */
  readonly typed: string;
  readonly row: NamedRow;
  readonly figure: Figure | undefined;
}

function mismatches(s: Submission): NoteMismatch[] {
  const out: NoteMismatch[] = [];
  for (const { p, note, rows } of notesNaming(s)) {
    for (const sentence of note.split(/[。\n]/)) {
      let carry = '';
      let weak = false;
      for (const piece of clausesOf(sentence)) {
        const clause = carry === '' ? piece : `${carry}、${piece}`;
        const named = rows.map((row) => ({ row, end: row.find(clause) })).filter((x) => x.end >= 0);
        const carried = weak;
        carry = '';
        weak = false;
        if (named.length === 0) continue;
        const folded = fold(clause);
        const first = findYen(folded).find((f) => f.start >= Math.min(...named.map((x) => x.end)));
        // A name with no amount joins the next clause: as its topic (「医師、病理医：１２，０００円」「看護師の単価は、…円」),
        // or, weakly, only for a figure the next clause names (「…は１瓶を使用し、購入単価は２，１００円」).
        if (!first) {
          carry = clause;
          weak = !TOPIC_AFTER_NAME.test(folded.slice(Math.max(...named.map((x) => x.end))));
          continue;
        }
        if (named.length > 1) continue;
        const [{ row, end }] = named as [{ row: NamedRow; end: number }];
        const label = folded.slice(end, first.start);
        const after = folded.slice(first.end);
        if (NOT_THE_ROW.test(label) || NOT_AFTER.test(after) || OTHER_PART[row.part].test(label)) continue;
        const kind = figureKind(row.part, label, after);
        if (carried && kind === undefined) continue;
        const figures = kind === undefined ? row.figures : row.figures.filter((f) => f.kind === kind);
        const values = figures.flatMap((f) => f.values);
        const times = countsIn(label);
        if (values.some((v) => v === first.value || times.some((n) => Math.round(v * n) === first.value))) continue;
        out.push({ doc: p.doc, field: p.field, sentence: sentence.trim(), typed: clause.slice(first.start, first.end), row, figure: kind === undefined ? undefined : figures[0] });
      }
    }
  }
  return out;
}

/** An estimate, a limit or a per-something figure: not the row's own 耐用年数・回数・所要時間. */
const NOT_A_COUNT = /約|およそ|概ね|程度|前後|以内|以上|以下|未満|まで|ごと|毎|最大|最短|最長|[～〜~]/;

/** 「1.5h」「９０分」「１時間30分」: minutes, or undefined. */
function minutesOf(t: string): number | undefined {
  // A rate (「１時間当たり」「１分あたり」「時間単価」) is not a time.
  const m = /([0-9]+(?:\.[0-9]+)?)\s*(?:時間|h(?![a-z]))(?:\s*([0-9]+)\s*分)?(?!\s*(?:当たり|あたり|につき|単価|毎|ごと))|([0-9]+)\s*分(?!の|\s*(?:当たり|あたり|につき|単価|毎|ごと))/.exec(t);
  if (!m) return undefined;
  if (m[3] !== undefined) return Number(m[3]);
  return Math.round(Number(m[1]) * 60) + (m[2] !== undefined ? Number(m[2]) : 0);
}

interface CountMismatch {
  readonly doc: string;
  readonly field: string;
  readonly sentence: string;
  readonly typed: string;
  readonly row: NamedRow;
  readonly said: string;
}

/**
 * Notes that restate a row's 耐用年数 (「耐用年数は６年」), 年間使用回数 (「年間３００回」) or a staff row's
 * 所要時間 (「@12,000円×1.5h」「２５分×６回＝１５０分」). Equipment figures are named by their keyword, so
 * the whole sentence is read when it names one device; a 所要時間 is read within the clause naming one 職種.
 */
function countMismatches(s: Submission): CountMismatch[] {
  const out: CountMismatch[] = [];
  for (const { p, note, rows } of notesNaming(s)) {
    for (const sentence of note.split(/[。\n]/)) {
      const folded = fold(sentence);
      const devices = rows.filter((r) => r.part === 'equipment' && r.find(sentence) >= 0);
      const [device] = devices;
      if (devices.length === 1 && device?.counts) {
        const after = folded.slice(device.find(sentence));
        const life = /耐用年数(?:は|を|が|：|:)?\s*([0-9]+)\s*年(?!度|[0-9])/.exec(after);
        if (life?.[1] && !NOT_A_COUNT.test(after.slice(life.index, life.index + life[0].length + 4)) && Number(life[1]) !== device.counts.years) {
          out.push({ doc: p.doc, field: p.field, sentence: sentence.trim(), typed: life[0], row: device, said: `耐用年数${device.counts.years ?? ''}年` });
        }
        const uses = /年間(?:の)?(?:使用回数|使用|稼働)?(?:は|を|：|:)?\s*([0-9]+)\s*回/.exec(after);
        if (uses?.[1] && !NOT_A_COUNT.test(after.slice(Math.max(0, uses.index - 2), uses.index + uses[0].length + 4)) && Number(uses[1]) !== device.counts.usesPerYear) {
          out.push({ doc: p.doc, field: p.field, sentence: sentence.trim(), typed: uses[0], row: device, said: `年間使用回数${device.counts.usesPerYear ?? ''}回` });
        }
      }
      let topic: NamedRow | undefined;
      for (const clause of clausesOf(sentence)) {
        const staff = rows.filter((r) => r.find(clause) >= 0);
        // 「看護師は…を担当し、所要時間は９０分とした」: the 職種 of the clause before is the topic of 「所要時間は」.
        const carried = staff.length === 0 && topic && /^\s*(?:その|各)?所要時間/.test(fold(clause)) ? topic : undefined;
        const [one] = carried ? [carried] : staff;
        topic = staff.length === 1 && one?.part === 'staff' ? one : undefined;
        if ((!carried && staff.length !== 1) || one?.part !== 'staff' || one.counts?.minutes === undefined) continue;
        const after = carried ? fold(clause) : fold(clause).slice(one.find(clause));
        const at = after.search(/[0-9]+(?:\.[0-9]+)?\s*(?:時間|h|分)/);
        if (at < 0 || NOT_A_COUNT.test(after.slice(Math.max(0, at - 4), at + 12))) continue;
        // 「２５分×６回＝１５０分」: the total after 「＝」; 「２５分×６回」: the product; else the first time.
        const total = after.includes('=') ? minutesOf(after.slice(after.lastIndexOf('='))) : undefined;
        const first = minutesOf(after);
        const times = /[×x*]\s*([0-9]+)\s*回/.exec(after);
        const stated = total ?? (first !== undefined && times?.[1] ? first * Number(times[1]) : first);
        if (stated === undefined || stated === one.counts.minutes) continue;
        out.push({ doc: p.doc, field: p.field, sentence: sentence.trim(), typed: `${stated}分`, row: one, said: `所要時間${one.counts.minutes}分` });
      }
    }
  }
  return out;
}

const PART_NAME: Readonly<Record<NotePart, string>> = { equipment: '医療機器使用料', staff: '人件費', materials: '医療材料・医薬品費' };

/** A sentence as a message quotes it. */
const quote = (sentence: string, max = 60): string => (sentence.length > max ? `${sentence.slice(0, max)}…` : sentence);

/**
 * The findings of one part (R-C-2: 'equipment', R-C-3: 'staff', R-C-4: 'materials'): a 備考 sentence
 * whose amount for a named 積算 row matches none of that row's figures.
 */
/** Both readings of the notes, once per submission however many of R-C-2/3/4 ask. */
const notesCache = new WeakMap<Submission, { readonly amounts: NoteMismatch[]; readonly counts: CountMismatch[] }>();
function notesOf(s: Submission): { readonly amounts: NoteMismatch[]; readonly counts: CountMismatch[] } {
  let n = notesCache.get(s);
  if (!n) {
    n = { amounts: mismatches(s), counts: countMismatches(s) };
    notesCache.set(s, n);
  }
  return n;
}

export function noteHits(s: Submission, part: NotePart): Hit[] {
  const counts: Hit[] = notesOf(s).counts
    .filter((m) => m.row.part === part)
    .map((m) => {
      const where = at(m.doc, m.field);
      return {
        severity: 'error' as const,
        message: `${where.label}の「${quote(m.sentence)}」という文に「${m.typed}」とありますが、費用の積算の${PART_NAME[part]}「${m.row.name}」は${m.said}です。備考か費用の積算を直してください。`,
        locations: [where, at('cost', part, { row: m.row.row, label: `費用の積算 ${PART_NAME[part]} ${m.row.row + 1}行目（${m.row.name}）` })],
        discriminator: `count:${m.doc}:${m.row.id}:${m.typed}`,
      };
    });
  return [...counts, ...notesOf(s).amounts
    .filter((m) => m.row.part === part)
    .map((m) => {
      const where = at(m.doc, m.field);
      const has = m.figure ? m.figure.said : m.row.figures.map((f) => f.said).filter((x, i, all) => all.indexOf(x) === i).slice(0, part === 'equipment' ? 4 : 2).join('、');
      return {
        severity: 'error' as const,
        message: `${where.label}の「${quote(m.sentence)}」という文に「${m.typed}」とありますが、費用の積算の${PART_NAME[part]}「${m.row.name}」は${has}です。備考か費用の積算を直してください。`,
        locations: [where, at('cost', part, { row: m.row.row, label: `費用の積算 ${PART_NAME[part]} ${m.row.row + 1}行目（${m.row.name}）` })],
        discriminator: `note:${m.doc}:${m.row.id}:${m.typed}`,
      };
    })];
}
