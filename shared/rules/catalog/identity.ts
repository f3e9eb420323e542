/**
 * §4.2 identity rules. 名称, 適応症, 医療機関 and 実施責任医師 are stored once and every form prints
 * them from the model, so the forms agree by construction; these rules check what can still go
 * wrong: the one fact missing or malformed, typed rows that name someone else, and the 告示番号 history.
 */
import { parseIsoDate } from '../../dates/iso-date';
import { withClerk, yoshiki11, yoshiki12 } from '../../forms/besshi1/yoshiki1';
import { yoshiki2 } from '../../forms/besshi1/yoshiki2';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki5 } from '../../forms/besshi1/yoshiki5';
import { yoshiki81 } from '../../forms/besshi1/yoshiki8';
import { besshi2Yoshiki8 } from '../../forms/besshi2/yoshiki8';
import { isBlank } from '../../forms/field';
import { answerOf, at, atField, inPackage, textOf, type Submission } from '../submission';
import type { Hit, Rule } from '../types';
import { quote } from './changes';
import { OTHER_STUDY, proseFields } from './prose';

/** Names compare without spaces, 旧字体 variants of common surnames and full/half-width differences. */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFKC').replace(/[\s　・]/g, '').replace(/髙/g, '高').replace(/﨑/g, '崎').replace(/𠮷/g, '吉').replace(/邊|邉/g, '辺').replace(/齋|齊/g, '斎');
  return n(a) !== '' && n(a) === n(b);
}

// ---- R-ID-2: the 適応症 restated in 様式第5号's and 様式第3号's prose -----------------------------------

/**
 * Prose that states the 適応症 outright: 「適応症は」「対象疾患：」「対象とする疾患は」, and 「対象は」 when
 * what follows is a disease name itself (「対象は早期胃がん（…に限る。）とし」, not 「対象は…20歳以上の患者」).
 */
const STATES_INDICATION = /(?:適応症|対象疾患|対象とする疾患|対象)(?:は|：|:)[\s、，]*/g;
/** A phrase that is a disease name and nothing else (「早期胃がん」), before its brackets. */
const BARE_DISEASE = /^[\u4e00-\u9fff々ァ-ヶー]*(?:がん|癌|腫瘍|腫|症|病|疾患|炎|障害|不全)$/;
/** Where a stated 適応症 ends (outside brackets and quotes): the sentence's end or its predicate. */
const PHRASE_END = /^(?:[。\n]|である|であり|でした|です|とする|とし|を対象|が対象)/;
const OPEN = '（(「『【［[';
const CLOSE = '）)」』】］]';

/** The 適応症 as written, for comparing: width, spaces, quotes, 「。」 and 「癌／がん」 aside. */
function indicationKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s「」『』"“”。]/g, '').replace(/癌|ガン/g, 'がん');
}

/** Words that limit a disease to some patients (病期・切除の可否・再発・年齢の上下限…). */
const QUALIFIER_WORDS = ['切除可能', '切除不能', '根治切除', '再発', '初発', '難治', '進行', '転移', '早期', '既治療', '未治療', '小児', '成人', '高齢', '限局', '多発', '単発', '陽性', '陰性', '以上', '以下', '未満', '超え'];

/** What limits the disease: codes and numbers (「cT1N0M0」「3cm」「20」) and the qualifier words it uses. */
function qualifierOf(key: string): string {
  const codes = key.match(/[a-z0-9]+(?:[-~〜～][a-z0-9]+)*/g) ?? [];
  return [...new Set([...codes, ...QUALIFIER_WORDS.filter((w) => key.includes(w))])].sort().join('|');
}

/** The disease itself, as the stored 適応症 names it before its brackets: 「早期胃がん」「膵がん」. */
function diseaseOf(key: string): string {
  const head = key.split(/[([]/)[0] ?? key;
  return [...head.matchAll(/[\u4e00-\u9fff々ァ-ヶー]*(?:がん|腫瘍|腫|症|病|疾患|炎|障害|不全)/g)].pop()?.[0] ?? head;
}

/** Text that names a disease at all (not 「様式第3号に記載のとおり」). */
const NAMES_DISEASE = /がん|癌|腫|症|病|疾患|炎|障害|不全|損傷|骨折|感染/;
/** Text about the 適応症 rather than stating it: its widening, a plan, a comparison (「胃がん以外にも拡大しうる」). */
const NOT_A_STATEMENT = /以外|拡大|検討|予定|将来|異な|含まない/;
/** A sentence about a disease the study does not treat, or a widening (「…は本技術の対象とはしない」「…への適応拡大」). */
const NOT_THIS_STUDY = /拡大|以外|対象と(?:は)?しない|対象外|を除く|除外/;

/** The 適応症 phrase after a 「適応症は」 at `from`, read to the sentence's predicate, and where it ends. */
function statedPhrase(text: string, from: number): { readonly phrase: string; readonly end: number } {
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const ch = text.charAt(i);
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && PHRASE_END.test(text.slice(i, i + 4))) break;
  }
  return { phrase: text.slice(from, i).trim(), end: i };
}

/** Whether a stated 適応症 limits the disease as the stored one does (the same wording, or the same limits in other words). */
function sameIndication(typed: string, stored: string): boolean {
  const t = indicationKey(typed);
  const st = indicationKey(stored);
  if (t === st) return true;
  return t.includes(diseaseOf(st)) && qualifierOf(t) === qualifierOf(st);
}

/** The sentence of `text` around [from, to). */
function sentenceAt(text: string, from: number, to: number): string {
  const start = Math.max(text.lastIndexOf('。', from - 1), text.lastIndexOf('\n', from - 1)) + 1;
  const rest = text.slice(to).search(/[。\n]/);
  return text.slice(start, rest < 0 ? text.length : to + rest);
}

/** Where a bracket opened at `open` closes (nested brackets counted), or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text.charAt(i);
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && --depth === 0) return i;
  }
  return -1;
}

/**
 * The 告示's own shape restated anywhere in the prose, without the word 適応症: the stored 適応症's
 * disease followed by its bracketed limit 「早期胃がん（…に限る。）」. Each hit is the typed disease and
 * bracket, where it starts and ends. The disease must stand alone (「進行早期胃がん」 is not it).
 */
function kokujiStyleRestatements(text: string, stored: string): Array<{ readonly typed: string; readonly start: number; readonly end: number }> {
  const core = stored.split(/[（(]/)[0]?.trim() ?? '';
  if (core === '' || core === stored.trim()) return [];
  const pattern = core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/がん|癌|ガン/g, '(?:がん|癌|ガン)');
  const out: Array<{ typed: string; start: number; end: number }> = [];
  for (const m of text.matchAll(new RegExp(`${pattern}\\s*(?=[（(])`, 'g'))) {
    if (m.index > 0 && /[\u4e00-\u9fff々ァ-ヶー]/.test(text.charAt(m.index - 1))) continue;
    const open = m.index + m[0].length;
    const close = closingBracket(text, open);
    if (close < 0 || !/に限る。?\s*$/.test(text.slice(open + 1, close))) continue;
    out.push({ typed: text.slice(m.index, close + 1), start: m.index, end: close + 1 });
  }
  return out;
}

function restatedIndicationHits(s: Submission, stored: string): Hit[] {
  const out: Hit[] = [];
  const where = at('project', 'indication', { label: '案件の基本情報「適応症」' });
  for (const p of proseFields(s)) {
    if (p.doc !== yoshiki3.id && p.doc !== yoshiki5.id) continue;
    // Spans a 「適応症は」 statement already read: the 告示-shape pass below does not read them again.
    const read: Array<readonly [number, number]> = [];
    for (const m of p.text.matchAll(STATES_INDICATION)) {
      const { phrase: said, end } = statedPhrase(p.text, m.index + m[0].length);
      // 「対象は」 alone: only a bare disease name with its bracketed limit is a 適応症 (「対象は早期胃がん（…）の患者」),
      // not patients described in words (「対象は…20歳以上の患者」) nor the disease named without a limit.
      const bare = !/適応症|疾患/.test(m[0]);
      const phrase = bare ? said.replace(/の?(?:患者|症例)$/, '') : said;
      if (bare && (!/[（(]/.test(phrase) || !BARE_DISEASE.test(phrase.replace(/^「|」$/g, '').split(/[（(]/)[0]?.trim() ?? ''))) continue;
      if (phrase === '' || !NAMES_DISEASE.test(phrase) || NOT_A_STATEMENT.test(phrase)) continue;
      read.push([m.index, end]);
      // A run-on sentence (「適応症は…、対象は…」): the phrase up to its first comma may be the whole 適応症.
      const first = phrase.split(/[、，](?![^（(]*[）)])/)[0] ?? phrase;
      if (sameIndication(phrase, stored) || sameIndication(first, stored)) continue;
      const sentence = sentenceAt(p.text, m.index, end);
      const typed = phrase.replace(/^「([^「」]*)」$/, '$1');
      out.push({
        message: `${at(p.doc, p.field).label}の「${quote(sentence)}」という文で適応症を「${quote(typed)}」としていますが、案件の適応症は「${stored}」です。限定（病期・条件など）を案件の適応症と同じにしてください。`,
        locations: [at(p.doc, p.field), where],
        discriminator: `${p.doc}.${p.field}:${m.index}`,
      });
    }
    for (const r of kokujiStyleRestatements(p.text, stored)) {
      if (read.some(([a, b]) => r.start >= a && r.start < b) || sameIndication(r.typed, stored)) continue;
      const sentence = sentenceAt(p.text, r.start, r.end);
      // Another study's patients, or a disease the study leaves out: 「先行研究では…を対象とした」「…への適応拡大」.
      if ((OTHER_STUDY.test(sentence) && !/本技術|本試験|本研究/.test(sentence)) || NOT_THIS_STUDY.test(sentence)) continue;
      out.push({
        message: `${at(p.doc, p.field).label}の「${quote(sentence)}」という文の「${quote(r.typed)}」は、案件の適応症「${stored}」と限定（病期・条件など）が異なります。案件の適応症と同じ限定にしてください。`,
        locations: [at(p.doc, p.field), where],
        discriminator: `${p.doc}.${p.field}:${r.start}`,
      });
    }
  }
  return out;
}

/** The rows of a table answer that hold something (read with answerOf: typed by the schema). */
function filledRows(rows: ReadonlyArray<Record<string, string>> | undefined): Array<Record<string, string>> {
  return (rows ?? []).filter((r) => !isBlank([r]));
}

export const identityRules: readonly Rule[] = [
  {
    id: 'R-ID-1',
    title: '先進医療の名称',
    severity: 'warning',
    basis: '記載要領 第1・第4(1)：先進医療の名称は各様式で同一（名称は一度だけ入力し、全様式に印刷）',
    check(s) {
      const name = s.project.technologyName.trim();
      const where = [at('project', 'technologyName', { label: '案件の基本情報「先進医療の名称」' })];
      if (name === '') return [{ severity: 'error', message: '先進医療の名称が未記入です。すべての様式の見出しに印刷されます。', locations: where }];
      const ind = s.project.indication.trim();
      if (ind !== '' && name.endsWith(ind)) return [{ message: '先進医療の名称の末尾に適応症が入っています。適応症は「適応症」欄に分けて入力してください（告示では名称と適応症は別の文字列です）。', locations: where }];
      return [];
    },
  },
  {
    id: 'R-ID-2',
    title: '適応症',
    severity: 'warning',
    basis: '記載要領 第4(1)・第5(1)：適応症は各様式で同一（承認後は告示の文言に合わせる）。様式第5号・第3号の本文で適応症を言い直すときも同じ限定で',
    check(s) {
      const stored = s.project.indication.trim();
      if (stored !== '') return restatedIndicationHits(s, stored);
      return [{ severity: 'error', message: '適応症が未記入です。様式第3号・第5号などに印刷されます。', locations: [at('project', 'indication', { label: '案件の基本情報「適応症」' })] }];
    },
  },
  {
    id: 'R-ID-4',
    title: '告示番号の履歴',
    severity: 'error',
    basis: '告示番号は告示の改正で変わり、枝番（「10(1)」）を持つことがある：適用日ごとに記録',
    check(s) {
      const out: Hit[] = [];
      const seen = new Map<string, number>();
      s.project.notices.forEach((n, row) => {
        const where = [at('project', 'notices', { row, label: `案件の基本情報「告示番号」${row + 1}行目` })];
        if (n.number.trim() === '') return;
        if (!/^[0-9０-９]+(?:\s?[（(][0-9０-９]+[）)])?$/.test(n.number.trim())) out.push({ message: `告示番号「${n.number}」は数字（枝番は「10(1)」の形）で入力してください。`, locations: where, discriminator: 'format' });
        if (n.validFrom !== '' && !parseIsoDate(n.validFrom)) out.push({ message: `告示番号「${n.number}」の適用日が日付として読み取れません。`, locations: where, discriminator: 'date' });
        const prev = seen.get(n.validFrom);
        if (prev !== undefined) out.push({ message: `告示番号の${prev + 1}行目と${row + 1}行目が同じ適用日です。どちらが有効か決まりません。`, locations: where, discriminator: 'dup' });
        seen.set(n.validFrom, row);
      });
      return out;
    },
  },
  {
    id: 'R-ID-5',
    title: '実施責任医師',
    severity: 'error',
    basis: '記載要領 第2-2(3)・第8(2)：実施責任医師は様式第1号・第2号・第8-1号・別紙2様式第8号で同一人物、実施診療科の常勤医師',
    check(s) {
      const p = s.facts.responsiblePhysician;
      const where = at('project', 'responsiblePhysicianId', { label: '案件の基本情報「実施責任医師」' });
      if (!p) return [{ message: '実施責任医師が選ばれていません。様式第2号・第8-1号などに印刷されます。職員名簿から選んでください。', locations: [where] }];
      const out: Hit[] = [];
      if (p.fullTime === '') out.push({ severity: 'warning', message: `実施責任医師（${p.name}）の常勤・非常勤が職員名簿で未入力です。実施責任医師は実施診療科の常勤医師です。`, locations: [where, at('roster', 'fullTime', { entryId: p.id, label: `職員名簿「${p.name}」` })], discriminator: 'fulltime-blank' });
      else if (p.fullTime !== '常勤') out.push({ message: `実施責任医師（${p.name}）が常勤ではありません（職員名簿の常勤・非常勤）。実施責任医師は実施診療科の常勤医師です。`, locations: [where, at('roster', 'fullTime', { entryId: p.id, label: `職員名簿「${p.name}」` })], discriminator: 'fulltime' });
      if (p.department.trim() === '') out.push({ severity: 'warning', message: `実施責任医師（${p.name}）の診療科が職員名簿にありません。実施診療科として印刷されます。`, locations: [at('roster', 'department', { entryId: p.id, label: `職員名簿「${p.name}」` })], discriminator: 'dept' });
      if (inPackage(s, yoshiki81.id)) {
        filledRows(answerOf(s, yoshiki81, 'physicians')).forEach((r, row) => {
          if ((r.role ?? '').includes('実施責任医師') && !sameName(r.name ?? '', p.name)) {
            out.push({ severity: 'warning', message: `様式第8-1号の表で「${r.name ?? ''}」が実施責任医師になっていますが、案件の実施責任医師は${p.name}です。`, locations: [atField(yoshiki81, 'physicians', { row })], discriminator: `row${row}` });
          }
        });
      }
      return out;
    },
  },
  {
    id: 'R-ID-8',
    title: '協力医療機関の一覧',
    severity: 'error',
    applies: { categories: ['B'] },
    basis: '記載要領 第3(1)①：様式第2号に申請医療機関・調整医療機関・協力医療機関をすべて記載',
    check(s) {
      if (!inPackage(s, yoshiki2.id)) return [];
      const out: Hit[] = [];
      const names = new Map<string, number>();
      filledRows(answerOf(s, yoshiki2, 'sites')).forEach((r, row) => {
        const where = [atField(yoshiki2, 'sites', { row })];
        const missing = [['name', '医療機関名'], ['department', '実施診療科'], ['physician', '実施責任医師']].filter(([k]) => (r[k ?? ''] ?? '').trim() === '').map(([, l]) => l);
        if (missing.length > 0) out.push({ message: `様式第2号の実施医療機関${row + 1}行目に${missing.join('・')}がありません。`, locations: where, discriminator: `m${row}` });
        const key = (r.name ?? '').normalize('NFKC').replace(/\s/g, '');
        if (key !== '' && names.has(key)) out.push({ severity: 'warning', message: `様式第2号の実施医療機関に「${r.name ?? ''}」が2回あります。`, locations: where, discriminator: `d${row}` });
        if (key !== '' && s.facts.institution && sameName(r.name ?? '', s.facts.institution.name)) out.push({ severity: 'warning', message: `申請医療機関（${r.name ?? ''}）の行は自動で印刷されます。表には調整・協力医療機関だけを書きます。`, locations: where, discriminator: `a${row}` });
        names.set(key, row);
      });
      return out;
    },
  },
  {
    id: 'R-ID-9',
    title: '医療機関の名称・所在地・開設者',
    severity: 'warning',
    basis: '記載要領 第1-1・第2(1)：医療機関名・所在地・開設者（内部委任のある法人は管理者）は届出書類一式で同一。事務担当者の所属・氏名・連絡先・E-mail を記載',
    check(s) {
      const inst = s.facts.institution;
      const where = at('settings', undefined, { label: '設定（医療機関情報）または案件の届出医療機関' });
      const out: Hit[] = [];
      const missing = inst ? [['name', '保険医療機関の名称'], ['address', '所在地'], ['founderName', inst.filerRole === '管理者' ? '管理者の氏名' : '開設者の氏名']].filter(([k]) => (k === 'name' ? inst.name : k === 'address' ? inst.address : inst.founderName).trim() === '').map(([, l]) => l) : ['保険医療機関の名称'];
      if (missing.length > 0) out.push({ severity: 'error', message: `届出医療機関の${missing.join('・')}が未記入です。様式第1号などに印刷されます。`, locations: [where], discriminator: 'missing' });
      // 事務担当者 (issue 15): typed on 様式第1号, else printed from 設定 — missing only when neither has it.
      const y1 = [yoshiki11, yoshiki12].find((f) => inPackage(s, f.id));
      if (y1) {
        const typedClerk = { clerkName: textOf(s, y1, 'clerkName'), clerkPhone: textOf(s, y1, 'clerkPhone'), clerkEmail: textOf(s, y1, 'clerkEmail') };
        const printed = withClerk(typedClerk, s.facts.contact);
        const names = { clerkName: '所属・氏名', clerkPhone: '連絡先（TEL・FAX）', clerkEmail: 'E-mail' } as const;
        const blank = (['clerkName', 'clerkPhone', 'clerkEmail'] as const).filter((k) => printed[k].trim() === '');
        if (blank.length > 0) {
          out.push({
            severity: 'error',
            message: `事務担当者の${blank.map((k) => names[k]).join('・')}が未記入です。設定（医療機関情報）の担当者に入力すると、${y1.number}と事前相談申込書に印刷されます。`,
            locations: [at('settings', undefined, { label: '設定（医療機関情報）「担当者」' }), ...blank.map((k) => atField(y1, k))],
            discriminator: 'clerk',
          });
        }
      }
      const typed = textOf(s, besshi2Yoshiki8, 'clientName').trim();
      if (inPackage(s, besshi2Yoshiki8.id) && typed !== '' && inst && !sameName(typed, inst.name)) {
        out.push({ message: `別紙2様式第8号の委託側医療機関名「${typed}」が届出医療機関名「${inst.name}」と異なります。空欄にすると届出医療機関名が印刷されます。`, locations: [atField(besshi2Yoshiki8, 'clientName')], discriminator: 'client' });
      }
      return out;
    },
  },
];
