/**
 * Projects as a coordinator keeps them, for the 期限 view tests (issue 14 item 6): a 先進医療B approved
 * (承認・告示) on 令和9年7月1日 whose 予定試験期間 is typed in 和暦 with full-width digits, a 先進医療A still
 * being prepared after its 事前相談, and a project with nothing due.
 */
import { emptyWorkspaceData, type WorkspaceData } from '../../../shared/io/envelope';
import { emptyChangeDoc } from '../../../shared/filings/filing-doc';
import { filingSchema, type Filing, type FilingEvent } from '../../../shared/filings/filing';
import { emptyJizenSoudan } from '../../../shared/forms/jizen-soudan/schema';
import { projectSchema, type Project } from '../../../shared/model/project';
import { emptySeriousAdverseEventDoc, type SeriousAdverseEventDoc } from '../../../shared/reports/safety';

const T = '2027-01-05T00:00:00.000Z';

export function project(id: string, name: string, category: 'A' | 'B' = 'B'): Project {
  return projectSchema.parse({ id, name, technologyName: name, category, createdAt: T, updatedAt: T });
}

type Step = [status: FilingEvent['status'], date: string];

export function filing(id: string, projectId: string, kind: Filing['kind'], steps: readonly Step[], extra: Partial<Filing> = {}): Filing {
  const events = steps.map(([status, date]) => ({ status, date, at: `${date}T09:00:00.000Z`, ...(status === 'filed' ? { method: '郵送' as const } : {}) }));
  return filingSchema.parse({ id, projectId, kind, status: steps.at(-1)?.[0] ?? 'draft', events, templateSetId: 'notice-2024-04', createdAt: T, updatedAt: T, ...extra });
}

/** 先進医療B 「腹腔鏡下…」: approved 2027-07-01; 予定試験期間 typed in 和暦, full-width digits. */
export const B_ID = 'proj-b';
export function approvedB(period = '告示日から令和１３年３月３１日まで（登録期間３年、追跡期間５年）', plannedCases = '１２０例'): WorkspaceData {
  const d = emptyWorkspaceData();
  d.projects.push(project(B_ID, '腹腔鏡下センチネルリンパ節生検（先進医療B）'));
  d.filings.push(filing('b-new', B_ID, 'new', [['filed', '2027-04-05'], ['accepted', '2027-04-20'], ['approved', '2027-07-01']], { packageId: 'new-b' }));
  d.formAnswers.push({ projectId: B_ID, formId: 'besshi1/yoshiki3', answers: { period, plannedCases }, formVersion: 1, updatedAt: T });
  d.consultations.push({ projectId: B_ID, data: { ...emptyJizenSoudan(), heldOn: '2027-01-12' }, updatedAt: T });
  return d;
}

/** A 変更申請 of the B project with 【現在の登録状況】 as typed. */
export function withChange(d: WorkspaceData, count: string, asOf: string, status: Step[] = [['filed', '2028-02-07']]): WorkspaceData {
  d.filings.push(filing('b-change', B_ID, 'change', status));
  d.filingDocs.push({ filingId: 'b-change', projectId: B_ID, content: { ...emptyChangeDoc('b-new'), registration: { count, asOf } }, rev: 0, updatedAt: T });
  return d;
}

export function withSae(d: WorkspaceData, id: string, doc: Partial<SeriousAdverseEventDoc>, steps: readonly Step[] = []): WorkspaceData {
  d.filings.push(filing(id, B_ID, 'serious-adverse-event', steps));
  d.filingDocs.push({ filingId: id, projectId: B_ID, content: { ...emptySeriousAdverseEventDoc(), ...doc }, rev: 0, updatedAt: T });
  return d;
}

/** 先進医療A in preparation: 事前相談 held on `heldOn`, its 新規届出 still 作成中. */
export const A_ID = 'proj-a';
export function preparingA(heldOn: string, d: WorkspaceData = emptyWorkspaceData()): WorkspaceData {
  d.projects.push(project(A_ID, '内視鏡的…（先進医療A）', 'A'));
  d.filings.push(filing('a-new', A_ID, 'new', [], { packageId: 'new-a' }));
  d.consultations.push({ projectId: A_ID, data: { ...emptyJizenSoudan(), heldOn }, updatedAt: T });
  return d;
}
