/**
 * PRE-XMLCHAR (issue 12): characters XML cannot hold — C0 controls, U+FFFE, U+FFFF, lone
 * surrogates — print in neither the PDF nor the Word file; the preflight says where they are.
 */
import { describe, expect, it } from 'vitest';
import { RULES, checkWithFonts, evaluate } from '../../../shared/rules';
import { glyphCoverage, preflightRules } from '../../../shared/rules/catalog/preflight';
import type { Submission } from '../../../shared/rules/submission';
import type { Finding } from '../../../shared/rules/types';
import { sampleSubmission } from '../../../shared/samples/sample';
import { isXmlChar, nonXmlChars, xmlSafeText } from '../../../shared/text/xml-chars';
import { bundledFonts } from '../../helpers/fonts';
import { loadSample } from '../../helpers/sample';

const base = sampleSubmission(loadSample());
const glyphs = glyphCoverage(bundledFonts().metrics);
const Y1 = 'besshi1/yoshiki1-1';
const Y2 = 'besshi1/yoshiki2';
const run = (s: Submission, id: string): Finding[] => evaluate(preflightRules(glyphs), s).filter((f) => f.ruleId === id);

function withAnswer(formId: string, key: string, value: unknown): Submission {
  const forms = new Map(base.forms);
  forms.set(formId, { ...(base.forms.get(formId) ?? {}), [key]: value });
  return { ...base, forms };
}

describe('characters XML cannot hold', () => {
  it('are C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates', () => {
    for (const cp of [0x0, 0x1, 0x7, 0xb, 0xc, 0x1f, 0xfffe, 0xffff, 0xd800, 0xdfff]) expect(isXmlChar(cp), cp.toString(16)).toBe(false);
    for (const cp of [0x9, 0xa, 0xd, 0x20, 0x3000, 0xfffd, 0xe000, 0x20bb7, 0x10fffd]) expect(isXmlChar(cp), cp.toString(16)).toBe(true);
    expect(xmlSafeText('𠮷田\u0007　花子\uFFFE\uD800\n')).toBe('𠮷田　花子\n');
    expect(nonXmlChars('a\uFFFFb\uFFFF\uDFFF')).toEqual(['\uFFFF', '\uDFFF']);
  });
});

describe('PRE-XMLCHAR', () => {
  it('is in the catalogue and finds nothing in the sample', () => {
    expect(RULES.some((r) => r.id === 'PRE-XMLCHAR')).toBe(true);
    expect(run(base, 'PRE-XMLCHAR')).toEqual([]);
  });

  it('names the form, the field and each character as a 警告, and PRE-GLYPH does not call them □', () => {
    const s = withAnswer(Y1, 'clerkName', '総務課\u0007　山田\uFFFE花子\uFFFE');
    const hits = run(s, 'PRE-XMLCHAR');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.message).toContain('様式第1-1号「事務担当者の所属・氏名」');
    expect(hits[0]!.message).toContain('U+0007、U+FFFE');
    expect(hits[0]!.message).toContain('PDFにもWordにも出力できない');
    expect(hits[0]!.locations).toEqual([expect.objectContaining({ doc: Y1, field: 'clerkName' })]);
    expect(checkWithFonts(s, glyphs).filter((f) => f.ruleId === 'PRE-GLYPH')).toEqual([]);
  });

  it('points at the row and column of a table cell, and at the 費用の積算 and the project', () => {
    const rows = base.forms.get(Y2)?.sites;
    const sites = Array.isArray(rows) ? rows.map((r: Record<string, unknown>, i) => (i === 1 ? { ...r, name: '架空\uD800病院' } : r)) : [];
    const s: Submission = {
      ...withAnswer(Y2, 'sites', sites),
      cost: { ...base.cost, staff: base.cost.staff.map((r, i) => (i === 0 ? { ...r, jobTitle: `${r.jobTitle}\u0001` } : r)) },
      project: { ...base.project, technologyName: `${base.project.technologyName}\uFFFF` },
    };
    const hits = run(s, 'PRE-XMLCHAR');
    expect(hits.map((h) => h.locations[0])).toEqual([
      expect.objectContaining({ doc: Y2, field: 'sites', row: 1 }),
      expect.objectContaining({ doc: 'cost', field: 'staff', row: 0 }),
      expect.objectContaining({ doc: 'project', field: 'technologyName' }),
    ]);
    expect(hits[0]!.message).toContain('2行目「医療機関名」');
    expect(hits[0]!.message).toContain('U+D800');
    expect(hits[1]!.message).toContain('費用の積算 人件費 1行目「職種」');
  });

  it('checks the institution printed on the forms (設定 or the project’s 届出医療機関)', () => {
    const institution = base.facts.institution;
    if (!institution) throw new Error('the sample has an institution');
    const s: Submission = { ...base, facts: { ...base.facts, institution: { ...institution, name: `${institution.name}\u001F` } } };
    const hits = run(s, 'PRE-XMLCHAR');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('「名称」');
    expect(hits[0]!.locations[0]).toMatchObject({ doc: 'settings', field: 'name' });
  });
});
