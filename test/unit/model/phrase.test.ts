/**
 * Issue 19 item 2: a 定型文's placeholders filled from the project, as coordinators write them
 * (full-width braces, a placeholder the project has no value for yet, braces that are just text).
 */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, phrasesFor, placeholderValues, type Phrase } from '../../../shared/model/phrase';

const values = placeholderValues({
  technologyName: 'インドシアニングリーン蛍光法を用いたセンチネルリンパ節生検',
  indication: '早期胃癌（ｃＴ１Ｎ０Ｍ０）',
  responsiblePhysician: { id: 'p1', name: '山田　太郎', department: '消化器外科', title: '', qualification: '', fullTime: '常勤', yearsInDept: '', yearsInTech: '', casesOperator: '', casesAssistant: '', experienceAsOf: '' },
  institution: { name: '架空大学医学部附属病院', address: '', founderName: '', filerRole: '開設者' },
});

describe('定型文 placeholders (issue 19)', () => {
  it('fills each placeholder with the project’s value, in ASCII or full-width braces, as often as it appears', () => {
    const text = '本研究（{先進医療の名称}）の個人情報は、実施責任医師である｛実施責任医師｝（{実施診療科}）が管理する。\n{実施責任医師}は、{医療機関名}の規程に従い、令和９年４月１日から５年間保存する。';
    const r = fillPlaceholders(text, values);
    expect(r.text).toBe(
      '本研究（インドシアニングリーン蛍光法を用いたセンチネルリンパ節生検）の個人情報は、実施責任医師である山田　太郎（消化器外科）が管理する。\n山田　太郎は、架空大学医学部附属病院の規程に従い、令和９年４月１日から５年間保存する。',
    );
    expect(r.unfilled).toEqual([]);
    expect(r.unknown).toEqual([]);
  });

  it('leaves a placeholder the project cannot fill yet, and braces that are not placeholders, as written — and says which', () => {
    const r = fillPlaceholders('{実施責任医師}が説明する。対象は{適応症}。記号{A}と｛備考｝は本文のまま。', { ...values, 実施責任医師: '', 適応症: '  ' });
    expect(r.text).toBe('{実施責任医師}が説明する。対象は{適応症}。記号{A}と｛備考｝は本文のまま。');
    expect(r.unfilled).toEqual(['{実施責任医師}', '{適応症}']);
    expect(r.unknown).toEqual(['{A}', '｛備考｝']);
  });

  it('offers the 定型文 that suit the field first, each group by name', () => {
    const p = (id: string, name: string, fields: string[]): Phrase => ({ id, name, text: '', fields, updatedAt: '' });
    const list = [p('a', 'モニタリング（中央）', ['besshi1/yoshiki3:monitoring']), p('b', '個人情報（院内保管）', ['besshi1/yoshiki3:privacy']), p('c', '個人情報（匿名化）', ['besshi1/yoshiki3:privacy']), p('d', '当直体制', [])];
    const r = phrasesFor(list, 'besshi1/yoshiki3:privacy');
    expect(r.suited.map((x) => x.id)).toEqual(['b', 'c']);
    // Japanese order (仮名 before 漢字), as Excel and the OS sort them.
    expect(r.others.map((x) => x.name)).toEqual(['モニタリング（中央）', '当直体制']);
  });
});
