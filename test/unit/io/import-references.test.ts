/**
 * Issue 12: a reference to a deleted 倫理審査委員会 imported without a finding, while a deleted
 * product (R-X-1) and 実施責任医師 were flagged. The import keeps such a file — the app itself lets
 * a picked entry be deleted, so it is the app's own backup — and the check flags every dangling
 * pick of every 様式 (R-REF, shared/rules/catalog/references.ts), naming the 様式 and the field.
 */
import { describe, expect, it } from 'vitest';
import { envelopeJson, makeEnvelope, type WorkspaceData } from '../../../shared/io/envelope';
import { readImport } from '../../../shared/io/read-import';
import { evaluate } from '../../../shared/rules';
import { referenceRules } from '../../../shared/rules/catalog/references';
import { submissionsOf } from '../../../shared/rules/from-records';
import { sampleWorkspaceData } from '../../../shared/samples/sample-export';
import { loadSample } from '../../helpers/sample';

const today = { year: 2027, month: 4, day: 5 };
const decode = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);

/** The sample as a project file, with `edit` applied, read back through the import. */
function imported(edit: (d: WorkspaceData) => void): WorkspaceData {
  const data = sampleWorkspaceData(loadSample(), 'sample', '2027-01-01T00:00:00.000Z');
  edit(data);
  const read = readImport(new TextEncoder().encode(envelopeJson(makeEnvelope('project', data, '0.0.0', 'x'))), decode);
  if (!read.ok) throw new Error(read.message);
  return read.envelope.data;
}

const findings = (d: WorkspaceData) => submissionsOf(d, today).flatMap((s) => evaluate(referenceRules, s));

describe('R-REF: every pick from the 名簿/マスタ points at an entry (issue 12)', () => {
  it('flags 様式第2号’s 倫理審査委員会 deleted from the マスタ', () => {
    const d = imported((data) => {
      data.settings = data.settings.map((r) => (r.key === 'committees' ? { ...r, value: [] } : r));
    });
    const f = findings(d);
    expect(f.map((x) => x.message)).toEqual(['様式第2号の「倫理審査委員会」で選んだ倫理審査委員会がマスタ（倫理審査委員会）にありません。削除された可能性があります。選び直してください。']);
    expect(f[0]).toMatchObject({ ruleId: 'R-REF', severity: 'error', locations: [{ doc: 'besshi1/yoshiki2', field: 'committeeId' }] });
  });

  it('flags a 実施者 of 様式第8-1号 deleted from the 職員名簿', () => {
    const d = imported((data) => {
      const performers = data.formAnswers.find((r) => r.formId === 'besshi1/yoshiki8-1')?.answers.performerIds;
      const gone = Array.isArray(performers) ? performers.find((x): x is string => typeof x === 'string') : undefined;
      if (!gone) throw new Error('fixture: no 実施者');
      data.settings = data.settings.map((r) => (r.key === 'roster' ? { ...r, value: r.value.filter((p) => p.id !== gone) } : r));
    });
    expect(findings(d).map((x) => x.message)).toEqual([expect.stringMatching(/^様式第8-1号の「.+」で選んだ職員名簿の人が職員名簿にありません。/)]);
  });

  it('says nothing when every pick is there (the sample as it ships)', () => {
    expect(findings(imported(() => undefined))).toEqual([]);
  });
});
