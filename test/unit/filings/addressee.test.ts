/**
 * Issue 12: the 事前相談申込書 was addressed to 研究開発振興課 while the package's contents page named
 * 研究開発政策課. One 医政局 section per template set (spec §0.3 fact 2), printed alike on every
 * document of the set: each package and the 事前相談申込書.
 */
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../shared/document/model';
import { TEMPLATE_SETS, divisionOf, templateSetOn } from '../../../shared/filings/template-sets';
import { buildJizenSoudanDocument, resolveJizenSoudan } from '../../../shared/forms/jizen-soudan/layout';
import { OFFICIAL_FAX_DESTINATION, faxDestinationFor } from '../../../shared/forms/jizen-soudan/schema';
import { buildPackageDocument } from '../../../shared/forms/package-document';
import { bundledFonts } from '../../helpers/fonts';
import { filled, profile, technologyName } from '../../helpers/jizen-fixture';
import { sampleWith } from '../../helpers/rules';

const { metrics } = bundledFonts();
const sample = sampleWith();

/** Every 医政局 section a text names, as printed. */
const sections = (text: string): string[] => [...text.replace(/\s+/g, '').matchAll(/(?:医政局)?研究開発[^\s（）　]{2}課/g)].map((m) => m[0]);

function printedBy(set: (typeof TEMPLATE_SETS)[number]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pkg of set.packages) {
    const doc = buildPackageDocument(pkg, sample.facts, (f) => sample.forms.get(f.id) ?? f.empty(), metrics, { draft: false });
    out.set(pkg.label, sections(documentText(doc.model)));
  }
  // The 事前相談申込書 as the app prints it by default (設定 keeps the 記載要領's 宛先 until changed).
  const sheet = buildJizenSoudanDocument(resolveJizenSoudan(filled, profile, technologyName, OFFICIAL_FAX_DESTINATION, divisionOf(set)), metrics);
  out.set('事前相談申込書', sections(documentText(sheet.model)));
  return out;
}

describe('one addressee per template set, the same on every document printed with it', () => {
  it.each(TEMPLATE_SETS.map((s) => [s.label, s] as const))('%s: every document names the same 医政局 section', (_label, set) => {
    const printed = printedBy(set);
    const all = [...printed.values()].flat();
    // Not vacuous: the 先進医療B package and the 事前相談申込書 both name it.
    expect(printed.get('新規届出（先進医療B）')?.length).toBeGreaterThan(0);
    expect(printed.get('事前相談申込書')?.length).toBeGreaterThan(0);
    expect([...new Set(all)], JSON.stringify(Object.fromEntries(printed))).toEqual([`${divisionOf(set)}`]);
  });

  it('the 2019 set names 研究開発振興課, the 2024 set 研究開発政策課, each on all its packages', () => {
    expect(divisionOf(templateSetOn('2020-01-01'))).toBe('医政局研究開発振興課');
    expect(divisionOf(templateSetOn('2027-04-05'))).toBe('医政局研究開発政策課');
    for (const set of TEMPLATE_SETS) for (const p of set.packages) expect(p.division, `${set.id} ${p.id}`).toBe(divisionOf(set));
  });

  it('prints the newest set\'s section on the 事前相談申込書 when no set is given (as the app does today)', () => {
    const print = resolveJizenSoudan(filled, profile, technologyName, OFFICIAL_FAX_DESTINATION);
    expect(print.destination.addressee).toBe('厚生労働省医政局研究開発政策課　先進医療担当宛');
    expect(print.destination.faxNumber).toBe(OFFICIAL_FAX_DESTINATION.faxNumber);
  });

  it('keeps a 宛先 the user wrote in other words (設定), and follows the set for either section\'s line however spaced', () => {
    const own = { faxNumber: '03-0000-0000', addressee: '厚生労働省医政局研究開発政策課　先進医療係　山田様' };
    expect(faxDestinationFor(own, '医政局研究開発振興課')).toEqual(own);
    expect(faxDestinationFor({ faxNumber: '03-0000-0000', addressee: '厚生労働省医政局研究開発政策課 先進医療担当宛' }, '医政局研究開発振興課').addressee).toBe('厚生労働省医政局研究開発振興課　先進医療担当宛');
    expect(faxDestinationFor({ faxNumber: '03-0000-0000', addressee: '' }, '医政局研究開発政策課').addressee).toBe('厚生労働省医政局研究開発政策課　先進医療担当宛');
  });
});
