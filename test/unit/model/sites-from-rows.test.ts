/**
 * Issue 15 item 1: a 協力医療機関 is a site of the project (entered once, printed by 様式第2号 and by
 * its own 協力医療機関の届出), not a typed row. The rows typed on 様式第2号 before sites existed are
 * registered as sites with every value; 様式第2号 prints the same rows afterwards.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../shared/document/model';
import { yoshiki2 } from '../../../shared/forms/besshi1/yoshiki2';
import { FORM_MARGINS } from '../../../shared/forms/definition';
import { sitesFromTypedRows } from '../../../shared/model/site';
import { sampleWith, siteOf } from '../../helpers/rules';

const Y2 = 'besshi1/yoshiki2';
let n = 0;
const make = { projectId: 'sample', newId: () => `new-${++n}`, now: '2027-01-01T00:00:00.000Z' };
const rowsOfSample = () => yoshiki2.answers.parse({ ...yoshiki2.empty(), ...sampleWith().forms.get(Y2) }).sites;

function printed(change: Parameters<typeof sampleWith>[0]): string {
  const s = sampleWith(change);
  const a = yoshiki2.answers.parse({ ...yoshiki2.empty(), ...s.forms.get(Y2) });
  return documentText({ title: '', margins: FORM_MARGINS, sections: [yoshiki2.build(s.facts, a)] }).replace(/\s+/g, '');
}

describe('様式第2号の手入力の協力医療機関 → 実施医療機関 (issue 15)', () => {
  it('registers each typed 協力医療機関 with every value of its row, and the table keeps only the rest', () => {
    const rows = rowsOfSample();
    expect(rows.length).toBe(2);
    const r = sitesFromTypedRows(rows, [], make);
    expect(r.remaining).toEqual([]);
    expect(r.added.map((x) => [x.role, x.name, x.department, x.responsiblePhysician, x.duty, x.safety])).toEqual(rows.map((x) => ['協力医療機関', x.name, x.department, x.physician, x.duty, x.safety]));
  });

  it('様式第2号 prints the same rows from the registered sites as it did from the typed table', () => {
    const rows = rowsOfSample();
    const r = sitesFromTypedRows(rows, [], make);
    const before = printed({});
    const after = printed({ sites: r.added.map((x) => siteOf(x)), forms: { [Y2]: { sites: r.remaining } } });
    expect(after).toBe(before);
    for (const x of rows) expect(after).toContain((x.name ?? '').replace(/\s+/g, ''));
  });

  it('leaves a row whose name is already registered, the 申請医療機関 row, a nameless row and a cell too long for a site', () => {
    const rows = [
      { role: '協力医療機関', name: '架空市立 総合病院', department: '外科', physician: '', duty: '', safety: '' },
      { role: '申請医療機関', name: '架空大学病院', department: '', physician: '', duty: '', safety: '' },
      { role: '協力', name: '', department: '内科', physician: '', duty: '', safety: '' },
      { role: '協力医療機関', name: '架空県立がんセンター', department: '', physician: '', duty: 'あ'.repeat(201), safety: '' },
      { role: '調整医療機関', name: '架空データセンター', department: '', physician: '', duty: '', safety: '' },
    ];
    const r = sitesFromTypedRows(rows, [{ name: '架空市立総合病院' }], make);
    expect(r.added.map((x) => [x.role, x.name])).toEqual([['調整医療機関', '架空データセンター']]);
    expect(r.remaining).toEqual(rows.slice(0, 4));
    expect(r.kept).toEqual(['架空市立 総合病院', '架空県立がんセンター']);
  });
});
