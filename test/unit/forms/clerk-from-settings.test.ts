/**
 * Issue 15 item 1: 様式第1-1号's 事務担当者 is the 担当者 of 設定 › 医療機関情報, as on the 事前相談申込書
 * — typed once. Left blank on the form it prints from 設定 and is not 未記入; typed, it wins.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { documentText } from '../../../shared/document/model';
import { yoshiki11, yoshiki12 } from '../../../shared/forms/besshi1/yoshiki1';
import { FORM_MARGINS, type FormDefinition } from '../../../shared/forms/definition';
import { resolveJizenSoudan } from '../../../shared/forms/jizen-soudan/layout';
import { OFFICIAL_FAX_DESTINATION } from '../../../shared/forms/jizen-soudan/schema';
import { findingsOf, sampleWith, type Change } from '../../helpers/rules';

const Y11 = 'besshi1/yoshiki1-1';
const SETTINGS = { contactAffiliation: '臨床研究推進センター', contactName: '山﨑 花子', tel: '03-1234-5678', fax: '03-1234-5679', email: 'senshin@example.ac.jp' };
const BLANK_CLERK = { clerkName: '', clerkPhone: '', clerkEmail: '' };

function printed<S extends z.ZodObject>(change: Change, form: FormDefinition<S>): string {
  const s = sampleWith(change);
  const answers = form.answers.parse({ ...form.empty(), ...s.forms.get(form.id) });
  return documentText({ title: '', margins: FORM_MARGINS, sections: [form.build(s.facts, answers)] });
}

const clerkFindings = (change: Change) =>
  findingsOf(change).filter((f) => f.locations.some((l) => l.doc === Y11 && (l.field ?? '').startsWith('clerk')));

describe('様式第1-1号 事務担当者 from 設定 (issue 15)', () => {
  it('left blank, prints the 担当者 of 設定 — the same person the 事前相談申込書 prints — and is not 未記入', () => {
    const change: Change = { profile: SETTINGS, forms: { [Y11]: BLANK_CLERK } };
    const text = printed(change, yoshiki11);
    expect(text).toContain('臨床研究推進センター　山﨑 花子');
    expect(text).toContain('TEL 03-1234-5678／FAX 03-1234-5679');
    expect(text).toContain('senshin@example.ac.jp');
    const s = sampleWith(change);
    const sheet = resolveJizenSoudan({ ...s.consultation!, contactAffiliation: undefined, contactName: undefined }, s.profile, '', OFFICIAL_FAX_DESTINATION);
    expect(text).toContain(`${sheet.contactAffiliation}　${sheet.contactName}`);
    expect(clerkFindings(change)).toEqual([]);
  });

  it('様式第1-2号 (先進医療A) prints it the same way', () => {
    const text = printed({ profile: SETTINGS, forms: { 'besshi1/yoshiki1-2': BLANK_CLERK }, project: { category: 'A' } }, yoshiki12);
    expect(text).toContain('臨床研究推進センター　山﨑 花子');
  });

  it('typed on the form (another 担当者 for this filing), the typed value is printed', () => {
    const text = printed({ profile: SETTINGS, forms: { [Y11]: { clerkName: '医事課 鈴木 一郎' } } }, yoshiki11);
    expect(text).toContain('医事課 鈴木 一郎');
    expect(text).not.toContain('臨床研究推進センター　山﨑 花子');
  });

  it('blank on the form and in 設定: one エラー that leads to 設定 and names what is missing', () => {
    const hits = findingsOf({ forms: { [Y11]: BLANK_CLERK } }, 'R-ID-9').filter((f) => f.message.includes('事務担当者'));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.message).toContain('所属・氏名・連絡先（TEL・FAX）・E-mail');
    expect(hits[0]!.locations[0]!.doc).toBe('settings');
    expect(findingsOf({ forms: { [Y11]: BLANK_CLERK } }, 'R-REQ').filter((f) => f.locations.some((l) => (l.field ?? '').startsWith('clerk')))).toEqual([]);
  });
});
