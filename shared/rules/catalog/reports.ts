/**
 * §4.7 report rules (R-R-1 … R-R-8, R-R-10; issue 14) over the project's 定期報告 and 総括報告 still
 * 作成中 — each a filing's own document (filing-docs.ts: place 'report/<filingId>', a case cell
 * 'cases.<caseId>.<column>'). A report already sent is as it was sent: it raises nothing. R-R-9 (the
 * aggregates) is no check: shared/reports/aggregates.ts computes it for the screen and the print.
 *
 * R-R-2 decision: 評価結果 may be left blank per case only when the technology's own plan says the
 * design is randomised (「ランダム化」「無作為化」「RCT」「割付」 in 様式第3号 ６．治療計画・７－１．有効性及び安全性の評価・
 * 生物統計学的設定根拠 or 様式第5号 （概要）) — the 記載要領's example of a design that justifies it.
 */
import { compareYmd, parseIsoDate, toIsoDate, type YMD } from '../../dates/iso-date';
import { formatWareki } from '../../dates/wareki';
import { yoshiki3 } from '../../forms/besshi1/yoshiki3';
import { yoshiki5 } from '../../forms/besshi1/yoshiki5';
import { filingInstitution, type Project } from '../../model/project';
import { AMOUNT_COLUMNS, readAmount, readCount, ratio, reportTotals, type Ratio } from '../../reports/aggregates';
import { reportLabel } from '../../reports/labels';
import { CASE_COLUMN_LABEL, REPORT_EVALUATIONS, REPORT_OUTCOMES, type ReportCase } from '../../reports/model';
import { fillsEverything, SUMMARY_ONLY_FIELDS, type SummaryOnlyField } from '../../reports/report-document';
import { isDraft, reportCaseAt, reportChecks, reportFieldAt, type ReportCheck } from '../filing-docs';
import { textOf, type Submission } from '../submission';
import type { Hit, Rule } from '../types';

/** The reports still being written, each case with its 1-based row. */
function drafts(s: Submission): ReportCheck[] {
  return reportChecks(s).filter(isDraft);
}

const row = (check: ReportCheck, c: ReportCase): number => check.content.cases.indexOf(c) + 1;
const where = (check: ReportCheck, c: ReportCase): string => `${reportLabel(check.filing)}の実績報告 ${row(check, c)}行目${c.caseNumber.trim() !== '' ? `（整理番号 ${c.caseNumber.trim()}）` : ''}`;
const quote = (typed: string): string => `「${typed.trim().slice(0, 30)}」`;

/** Names compared as printed: NFKC, no spaces. */
const nameKey = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

/** The first and last day of the report's period: 7/1–6/30 of a 定期報告's 年度; a 総括報告 has none. */
function period(check: ReportCheck): { readonly from: YMD; readonly to: YMD } | undefined {
  const y = check.filing.fiscalYear;
  if (check.filing.kind !== 'periodic-report' || y === undefined) return undefined;
  return { from: { year: y - 1, month: 7, day: 1 }, to: { year: y, month: 6, day: 30 } };
}

// ---- R-R-3: コード番号 --------------------------------------------------------------------------

/** Every dash people type between the parts of a code (「－」「-」「ー」「―」「‐」「−」…). */
const DASHES = /[-‐‑‒–—―−－ーｰ]/g;

/** 「1234－１２－Ｂ」 → 「1234-12-B」; 「10（１）」 → 「10(1)」. */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').replace(DASHES, '-');
}

/** The parts of a コード番号 (機関別番号－告示番号－A|B), or undefined when it is not of that form. */
export function codeParts(code: string): { readonly institution: string; readonly notice: string; readonly category: string } | undefined {
  const m = /^([0-9A-Za-z]+)-(.+)-([A-Za-z])$/.exec(normalizeCode(code));
  return m?.[1] && m[2] && m[3] ? { institution: m[1], notice: m[2], category: m[3].toUpperCase() } : undefined;
}

/** The 告示番号 of the project in force on some day of [from, to] (normalised), the last one first. */
function noticesDuring(project: Project, from: YMD, to: YMD): string[] {
  const a = toIsoDate(from);
  const b = toIsoDate(to);
  const inForce = project.notices.filter((n) => n.number.trim() !== '' && (n.validFrom === '' || n.validFrom <= b));
  // The last one starting on or before `from`, and every one starting inside the period.
  const before = inForce.filter((n) => n.validFrom === '' || n.validFrom <= a).sort((x, y) => (x.validFrom < y.validFrom ? 1 : -1))[0];
  const during = inForce.filter((n) => n.validFrom > a).sort((x, y) => (x.validFrom < y.validFrom ? 1 : -1));
  return [...during, ...(before ? [before] : [])].map((n) => normalizeCode(n.number));
}

function codeHits(s: Submission, check: ReportCheck): Hit[] {
  const out: Hit[] = [];
  const p = period(check) ?? { from: parseIsoDate(check.content.reportDate) ?? s.today, to: parseIsoDate(check.content.reportDate) ?? s.today };
  const notices = noticesDuring(s.project, p.from, p.to);
  for (const c of check.content.cases) {
    const loc = [reportCaseAt(check, c, 'code')];
    if (c.code.trim() === '') {
      out.push({ message: `${where(check, c)}にコード番号がありません。先進医療コード表の「機関別番号－告示番号－${s.category}」を書きます。`, locations: loc, discriminator: `${c.id}:empty` });
      continue;
    }
    const parts = codeParts(c.code);
    if (!parts) {
      out.push({ message: `${where(check, c)}のコード番号${quote(c.code)}は「機関別番号－告示番号－A又はB」の形ではありません。`, locations: loc, discriminator: `${c.id}:form` });
      continue;
    }
    if (parts.category !== s.category) {
      out.push({ message: `${where(check, c)}のコード番号${quote(c.code)}の末尾が「${parts.category}」ですが、この技術は先進医療${s.category}です。`, locations: loc, discriminator: `${c.id}:category` });
    }
    const [current] = notices;
    if (current !== undefined && !notices.includes(parts.notice)) {
      out.push({
        message: `${where(check, c)}のコード番号${quote(c.code)}の告示番号「${parts.notice}」が、報告期間のこの技術の告示番号（${current}）と違います。`,
        locations: [...loc, { doc: 'project', field: 'notices', label: '案件の基本情報（告示番号）' }],
        discriminator: `${c.id}:notice`,
      });
    }
  }
  return out;
}

// ---- R-R-2: when 評価結果 may be blank -----------------------------------------------------------------

const RANDOMISED = /ランダム化|無作為|RCT|ＲＣＴ|割付|割り付け/;

/** Whether the plan's own 様式 say the design is randomised (R-R-2 allows a blank 評価結果 then). */
export function randomisedDesign(s: Submission): boolean {
  const texts = [textOf(s, yoshiki3, 'treatmentPlan'), textOf(s, yoshiki3, 'evaluation'), textOf(s, yoshiki3, 'statistics'), textOf(s, yoshiki5, 'outline')];
  return texts.some((t) => RANDOMISED.test(t));
}

// ---- R-R-5: ratios -----------------------------------------------------------------------------------

const RATIO_WHY: Readonly<Record<Exclude<Ratio, { ok: true }>['reason'], string>> = { missing: 'が未入力', unread: 'が数として読めない', zero: 'が0' };

export const reportRules: readonly Rule[] = [
  {
    id: 'R-R-1',
    title: '転帰',
    severity: 'error',
    basis: '記載要領 第5-2(5)：転帰は治癒・死亡・中止・継続のいずれか（検査・診断は次の治療につながれば継続、実施できなければ中止）',
    check(s) {
      const out: Hit[] = [];
      for (const check of drafts(s)) {
        for (const c of check.content.cases) {
          if (c.outcome !== '') continue;
          out.push({ message: `${where(check, c)}の転帰が選ばれていません（${REPORT_OUTCOMES.join('・')}）。報告時点で治療中の症例は「継続」です。`, locations: [reportCaseAt(check, c, 'outcome')], discriminator: c.id });
        }
      }
      return out;
    },
  },
  {
    id: 'R-R-2',
    title: '評価結果',
    severity: 'error',
    basis: '記載要領 第5-2(9)：評価結果は有効・無効・不明のいずれか（ランダム化比較試験など、症例ごとに評価しない試験デザインでは省略可）',
    check(s) {
      if (randomisedDesign(s)) return [];
      const out: Hit[] = [];
      for (const check of drafts(s)) {
        for (const c of check.content.cases) {
          if (c.evaluation !== '') continue;
          out.push({
            message: `${where(check, c)}の評価結果が選ばれていません（${REPORT_EVALUATIONS.join('・')}）。空欄にできるのは、ランダム化比較試験など症例ごとに評価しない試験だけです（様式第3号・第5号にランダム化の記載がありません）。`,
            locations: [reportCaseAt(check, c, 'evaluation')],
            discriminator: c.id,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'R-R-3',
    title: 'コード番号',
    severity: 'error',
    basis: '記載要領 第5-2(10)：コード番号は先進医療コード表の「機関別番号－（告示）番号－A又はB」',
    check(s) {
      return drafts(s).flatMap((check) => codeHits(s, check));
    },
  },
  {
    id: 'R-R-4',
    title: '実績報告の症例',
    severity: 'error',
    basis: '記載要領 第5-1(4)・第5-2(2)(3)(4)：報告期間に実施した全症例を記載（初回実施日、入院期間の合計、報告期間内の実施回数）',
    check(s) {
      const out: Hit[] = [];
      for (const check of drafts(s)) {
        const p = period(check);
        const seen = new Map<string, ReportCase>();
        for (const c of check.content.cases) {
          const first = parseIsoDate(c.firstDate);
          if (!first) out.push({ message: `${where(check, c)}に初回実施日がありません。`, locations: [reportCaseAt(check, c, 'firstDate')], discriminator: `${c.id}:first` });
          else if (p && compareYmd(first, p.to) > 0) {
            out.push({ message: `${where(check, c)}の初回実施日（${formatWareki(first)}）が報告期間の終わり（${formatWareki(p.to)}）より後です。次の年度の報告に書きます。`, locations: [reportCaseAt(check, c, 'firstDate')], discriminator: `${c.id}:after` });
          }
          const times = readCount(c.procedures);
          if (times === undefined) {
            const typed = String(c.procedures);
            out.push({ message: `${where(check, c)}の実施回数${typed.trim() === '' ? 'がありません' : `${quote(typed)}を回数として読めません`}（報告期間内に実施した回数を数字で書きます）。`, locations: [reportCaseAt(check, c, 'procedures')], discriminator: `${c.id}:times` });
          } else if (times === 0) {
            out.push({ message: `${where(check, c)}の実施回数が0回です。実績報告には報告期間内に実施した症例を書きます（1回以上）。`, locations: [reportCaseAt(check, c, 'procedures')], discriminator: `${c.id}:zero` });
          }
          if (readCount(c.inpatientDays) === undefined) {
            const typed = String(c.inpatientDays);
            out.push({ message: `${where(check, c)}の入院期間${typed.trim() === '' ? 'がありません（入院しなかった場合は0）' : `${quote(typed)}を日数として読めません`}。合計と平均入院期間が確定しません。`, locations: [reportCaseAt(check, c, 'inpatientDays')], discriminator: `${c.id}:days` });
          }
          const key = nameKey(c.caseNumber);
          if (key === '') continue;
          const before = seen.get(key);
          if (before) {
            out.push({ message: `${where(check, c)}の整理番号「${c.caseNumber.trim()}」が${row(check, before)}行目と重複しています。1人の患者は1行に書きます。`, locations: [reportCaseAt(check, c, 'caseNumber'), reportCaseAt(check, before, 'caseNumber')], discriminator: `${c.id}:dup` });
          } else seen.set(key, c);
        }
      }
      return out;
    },
  },
  {
    id: 'R-R-5',
    title: '定期報告の患者数の比率',
    severity: 'info',
    basis: '様式第1号 2．概要：【②/③：%、②/④：%】（②中間報告・終了時の患者数、③国内の当該疾病患者数、④当該技術の対象となる患者数）',
    check(s) {
      const out: Hit[] = [];
      for (const check of drafts(s)) {
        const d = check.content;
        const t = reportTotals(d);
        const sides = [
          { name: '②/③', field: 'nationalPatients' as const, label: '日本国内における当該疾病患者数（③）', value: d.nationalPatients, r: t.toNational },
          { name: '②/④', field: 'targetPatients' as const, label: '日本国内における当該技術の対象となる患者数（④）', value: d.targetPatients, r: t.toTarget },
        ];
        const second = ratio(d.reportedPatients, 1);
        if (!second.ok) {
          out.push({ message: `中間報告・終了時の患者数（②）${RATIO_WHY[second.reason]}ため、【②/③】【②/④】を計算できません。`, locations: [reportFieldAt(check, 'reportedPatients', '患者数（中間報告／終了時・②）')], discriminator: 'second' });
          continue;
        }
        for (const x of sides) {
          if (!x.r.ok) out.push({ message: `${x.label}${RATIO_WHY[x.r.reason]}ため、${x.name}を計算できません（印刷では空欄になります）。`, locations: [reportFieldAt(check, x.field, x.label)], discriminator: x.field });
          else if (x.r.tenths > 1000) out.push({ message: `${x.name}が${x.r.text}％で、100％を超えています。②と${x.name.slice(-1)}の患者数を確かめてください。`, locations: [reportFieldAt(check, x.field, x.label), reportFieldAt(check, 'reportedPatients', '患者数（中間報告／終了時・②）')], discriminator: `${x.field}:over` });
        }
      }
      return out;
    },
  },
  {
    id: 'R-R-6',
    title: '報告の種類と記載する項目',
    severity: 'warning',
    basis: '記載要領 第5-1：先進医療A及び先進医療Bの定期報告は「1．標題」「2．概要」のみ、先進医療Bの総括報告は全項目を記載',
    check(s) {
      const out: Hit[] = [];
      for (const check of drafts(s)) {
        if (fillsEverything(check.content.kind, s.category)) continue;
        const kind = check.content.kind === 'final-report' ? '先進医療Aの総括報告' : `先進医療${s.category}の定期報告`;
        for (const [field, label] of Object.entries(SUMMARY_ONLY_FIELDS) as Array<[SummaryOnlyField, string]>) {
          if (check.content[field].trim() === '') continue;
          out.push({ message: `「${label}」は先進医療Bの総括報告だけの項目で、${kind}では印刷されません。必要なら「考察」に書きます。`, locations: [reportFieldAt(check, field, label)], discriminator: field });
        }
      }
      return out;
    },
  },
  {
    id: 'R-R-7',
    title: '実績報告の実施医療機関',
    severity: 'error',
    applies: { categories: ['B'] },
    basis: '記載要領 第5-1(6)：先進医療Bは申請医療機関が協力医療機関の分もまとめて報告（実施医療機関は申請医療機関又は協力医療機関）',
    check(s) {
      const out: Hit[] = [];
      const applicant = filingInstitution(s.project, s.profile, s.today).name;
      const known = new Set([applicant, ...s.sites.map((x) => x.name)].map(nameKey).filter((k) => k !== ''));
      const names = [applicant, ...s.sites.filter((x) => x.role === '協力医療機関').map((x) => x.name)].filter((n) => n.trim() !== '');
      for (const check of drafts(s)) {
        for (const c of check.content.cases) {
          if (c.siteName.trim() === '' || known.has(nameKey(c.siteName))) continue;
          out.push({
            message: `${where(check, c)}の実施医療機関「${c.siteName.trim()}」は、申請医療機関でも「実施医療機関」に登録した協力医療機関でもありません${names.length > 0 ? `（${names.join('、')}）` : ''}。名称を確かめるか、協力医療機関として登録してください。`,
            locations: [reportCaseAt(check, c, 'siteName'), { doc: 'sites', label: '実施医療機関' }],
            discriminator: c.id,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'R-R-8',
    title: '症例ごとの費用',
    severity: 'error',
    basis: '記載要領 第5-2(6)(7)(8)：保険外併用療養費分（入院時食事療養費を含む）、一部負担金、先進医療費用（患者負担・その他）を円で記載',
    check(s) {
      const out: Hit[] = [];
      for (const check of drafts(s)) {
        for (const c of check.content.cases) {
          for (const column of AMOUNT_COLUMNS) {
            if (readAmount(c[column]) !== undefined) continue;
            const typed = String(c[column]);
            const what = typed.trim() === '' ? 'がありません（0円なら「0」と書きます）' : `${quote(typed)}を円の金額として読めません（例：1,234,560）`;
            out.push({ message: `${where(check, c)}の${CASE_COLUMN_LABEL[column]}${what}。合計が確定しません。`, locations: [reportCaseAt(check, c, column)], discriminator: `${c.id}:${column}` });
          }
        }
      }
      return out;
    },
  },
  {
    id: 'R-R-10',
    title: '0件の報告',
    severity: 'error',
    basis: '様式第1号（別添）実績報告：実施0件の技術について厚生労働省は「０件の理由」と「医療機関の今後の対応方針」を公表する（先進医療会議資料）',
    check(s) {
      const out: Hit[] = [];
      for (const check of drafts(s)) {
        if (check.content.cases.length > 0) continue;
        if (check.content.zeroReason.trim() === '') out.push({ message: `${reportLabel(check.filing)}の実績が0件です。「０件の理由」を書いてください。`, locations: [reportFieldAt(check, 'zeroReason', '０件の理由')], discriminator: 'reason' });
        if (check.content.zeroPolicy.trim() === '') out.push({ message: `${reportLabel(check.filing)}の実績が0件です。「医療機関の今後の対応方針」を書いてください。`, locations: [reportFieldAt(check, 'zeroPolicy', '医療機関の今後の対応方針')], discriminator: 'policy' });
      }
      return out;
    },
  },
];
