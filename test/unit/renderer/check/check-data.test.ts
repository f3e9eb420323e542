import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../renderer/db/database';
import { Repositories } from '../../../../renderer/db/repositories';
import { computeFindings, loadCheckData, splitAcknowledged, storedText } from '../../../../renderer/features/check/check-data';
import { blockedBy } from '../../../../renderer/features/check/AgreementTable';
import { pathOf } from '../../../../renderer/features/check/go-to-field';
import { FORMS } from '../../../../shared/forms/registry';
import { planUnify } from '../../../../shared/rules/agreement';
import { loadSample } from '../../../helpers/sample';

const Y5 = 'besshi1/yoshiki5';
const form5 = FORMS.find((f) => f.id === Y5);
if (!form5) throw new Error('様式第5号');

let repos: Repositories;
let projectId: string;
beforeEach(async () => {
  const db = openDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  repos = new Repositories(db);
  projectId = (await repos.importSample(loadSample())).id;
});

describe('チェック結果 of a stored project', () => {
  it('reads only this project\'s rows (another project\'s text never enters its findings)', async () => {
    const other = (await repos.importSample(loadSample())).id;
    await repos.saveFormAnswers(other, form5, { ...(await repos.getFormAnswers(other, form5)), costText: '先進医療にかかる費用は99,999円です。' });
    const records = await repos.projectRecords(projectId);
    expect(records.projects.map((p) => p.id)).toEqual([projectId]);
    expect(new Set(records.formAnswers.map((r) => r.projectId))).toEqual(new Set([projectId]));
    expect(computeFindings(await loadCheckData(repos, projectId)).filter((f) => f.ruleId === 'R-C-1')).toEqual([]);
    expect(computeFindings(await loadCheckData(repos, other)).filter((f) => f.ruleId === 'R-C-1')).toHaveLength(1);
  });

  it('the imported sample has no errors', async () => {
    const findings = computeFindings(await loadCheckData(repos, projectId));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('R-C-1 follows the open form’s committed values, and 「この値に統一」 on the 積算 row resolves it', async () => {
    const data = await loadCheckData(repos, projectId);
    const values = { ...data.answers.get(Y5), costText: '先進医療にかかる費用は99,999円です。' };
    const f = computeFindings(data, { current: { form: form5, values } }).find((x) => x.ruleId === 'R-C-1');
    expect(f?.severity).toBe('error');
    const agreement = f?.agreement;
    if (!agreement) throw new Error('no agreement');
    const model = agreement.places.find((p) => !p.span);
    const typed = agreement.places.find((p) => p.span);
    if (!model || !typed) throw new Error('places');
    // The typed amount cannot win over the computed total.
    expect(blockedBy(agreement, typed)).toBe(model);
    expect(blockedBy(agreement, model)).toBeUndefined();

    await repos.saveFormAnswers(projectId, form5, values);
    const stored = await loadCheckData(repos, projectId);
    const plan = planUnify(agreement, model, (doc, field) => storedText(stored, doc, field));
    expect(plan.blocked).toEqual([]);
    await repos.applyAnswerEdits(projectId, plan.edits);
    const after = await loadCheckData(repos, projectId);
    expect(storedText(after, Y5, 'costText')).toContain(model.display.replace('円', ''));
    expect(computeFindings(after).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('acknowledged warnings are set apart; an acknowledgement never hides an error', () => {
    const base = { message: 'm', basis: 'b', locations: [] };
    const warning = { ...base, key: 'w', ruleId: 'R-W', severity: 'warning' as const };
    const error = { ...base, key: 'e', ruleId: 'R-E', severity: 'error' as const };
    const acks = [
      { key: 'w', ruleId: 'R-W', reason: '確認した', at: '' },
      { key: 'e', ruleId: 'R-E', reason: '無効', at: '' },
      { key: 'gone', ruleId: 'R-X', reason: 'もう出ない', at: '' },
    ];
    const { open, acknowledged } = splitAcknowledged([error, warning], acks);
    expect(open).toEqual([error]);
    expect(acknowledged.map((a) => a.finding.key)).toEqual(['w']);
  });

  it('each location leads to its page', () => {
    expect(pathOf('p1', { doc: Y5, field: 'costText', label: '' })).toBe('/projects/p1/forms/besshi1-yoshiki5');
    expect(pathOf('p1', { doc: 'project', label: '' })).toBe('/projects/p1');
    expect(pathOf('p1', { doc: 'cost', label: '' })).toBe('/projects/p1/cost');
    expect(pathOf('p1', { doc: 'masters/committees', label: '' })).toBe('/masters/committees');
    expect(pathOf('p1', { doc: 'roster', label: '' })).toBe('/roster');
  });
});
