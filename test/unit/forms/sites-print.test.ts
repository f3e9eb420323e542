import { describe, expect, it } from 'vitest';
import { documentText } from '../../../shared/document/model';
import { yoshiki2 } from '../../../shared/forms/besshi1/yoshiki2';
import { besshi2Yoshiki8 } from '../../../shared/forms/besshi2/yoshiki8';
import type { z } from 'zod';
import { FORM_MARGINS, type FormDefinition } from '../../../shared/forms/definition';
import { findingsOf, sampleWith, siteOf } from '../../helpers/rules';

/** Issue 11 item 5: forms read the project's sites instead of retyping them. */
const COOP = siteOf({ id: 's-coop', role: '協力医療機関', name: '架空県立がんセンター', department: '消化器外科', responsiblePhysician: '部長　斎藤　健', duty: '外科系当直１名', safety: '医療安全管理室長　月１回' });
const CONTRACTOR = siteOf({ id: 's-lab', role: '受託側', name: '架空大学病院 病理部', responsiblePhysician: '病理部長　佐藤　一郎' });

function text<S extends z.ZodObject>(s: ReturnType<typeof sampleWith>, form: FormDefinition<S>): string {
  const answers = form.answers.parse({ ...form.empty(), ...s.forms.get(form.id) });
  return documentText({ title: '', margins: FORM_MARGINS, sections: [form.build(s.facts, answers)] }).replace(/\s+/g, '');
}

describe('sites printed by the forms (issue 11)', () => {
  it('様式第2号 prints a registered 協力医療機関 after the 申請医療機関, with its 当直体制 and 医療安全対策', () => {
    const printed = text(sampleWith({ sites: [COOP] }), yoshiki2);
    expect(printed).toContain('架空県立がんセンター');
    expect(printed).toContain('部長斎藤健');
    expect(printed).toContain('外科系当直１名');
    expect(printed.indexOf('申請医療機関')).toBeLessThan(printed.indexOf('架空県立がんセンター'));
  });

  it('別紙2 様式第8号 prints the registered 受託側 where its name and 担当医師 are left blank, and they are not 未記入', () => {
    const blank = { forms: { 'besshi2/yoshiki8': { contractorName: '', contractorPhysician: '' } }, packageId: 'outsourcing' as const };
    const printed = text(sampleWith({ ...blank, sites: [CONTRACTOR] }), besshi2Yoshiki8);
    expect(printed).toContain('架空大学病院病理部');
    expect(printed).toContain('病理部長佐藤一郎');
    const missing = (sites: readonly (typeof CONTRACTOR)[]) => findingsOf({ ...blank, sites }, 'R-REQ').filter((f) => f.locations.some((l) => l.doc === 'besshi2/yoshiki8' && (l.field === 'contractorName' || l.field === 'contractorPhysician')));
    expect(missing([CONTRACTOR])).toEqual([]);
    expect(missing([]).length).toBe(2);
  });
});

describe('様式第2号 names the committee once (issue 12)', () => {
  it('prints a committee named after its kind without repeating the kind, and a proper name with it', async () => {
    const { committeeLabel } = await import('../../../shared/forms/besshi1/yoshiki2');
    expect(committeeLabel({ name: '倫理審査委員会', type: '倫理審査委員会' })).toBe('倫理審査委員会');
    expect(committeeLabel({ name: '架空大学医学部附属病院 倫理審査委員会', type: '倫理審査委員会' })).toBe('架空大学医学部附属病院 倫理審査委員会');
    expect(committeeLabel({ name: '架空大学臨床研究審査委員会', type: '認定臨床研究審査委員会' })).toBe('架空大学臨床研究審査委員会（認定臨床研究審査委員会）');
    const s = sampleWith({ masters: (m) => ({ ...m, committees: m.committees.map((c) => ({ ...c, name: '倫理審査委員会', type: '倫理審査委員会' as const })) }) });
    expect(text(s, yoshiki2)).not.toContain('倫理審査委員会（倫理審査委員会）');
  });
});
