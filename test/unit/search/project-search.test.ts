/**
 * Issue 19 item 3: search across projects, with text as coordinators write it — 全角 and 半角,
 * a phrase three years old in one project of many, 名称・適応症・実施責任医師.
 */
import { describe, expect, it } from 'vitest';
import { projectSchema } from '../../../shared/model/project';
import { ProjectSearch, bigrams, passagesOf, type SearchSource } from '../../../shared/search/project-search';
import { loadSample } from '../../helpers/sample';

const sample = loadSample();
const AT = '2024-04-01T00:00:00.000Z';
const PLAN = 'besshi1/yoshiki3';

function source(): SearchSource {
  const project = (id: string, name: string, technologyName: string, indication: string, physician = '') =>
    projectSchema.parse({ id, name, technologyName, indication, responsiblePhysicianId: physician, createdAt: AT, updatedAt: AT });
  const old = new Map(sample.forms);
  old.set(PLAN, {
    ...sample.forms.get(PLAN),
    privacy: '試料は連結可能匿名化し、対応表は臨床研究推進センターの施錠できる保管庫（ＩＤ：ＣＲＣ－０１）で保管する。',
    // Half-width kana with their dakuten, and a line break followed by an indent, as pasted from old Word files.
    monitoring: 'ﾃﾞｰﾀﾏﾈｰｼﾞｬｰが月１回、\n　原資料との照合を行う。',
  });
  return {
    projects: [
      { project: project('p-2024', '令和６年 ICG蛍光法', sample.project.technologyName, sample.project.indication, 'sample-takahashi'), forms: old },
      { project: project('p-2026', '令和８年 腹腔鏡下手術', '腹腔鏡下広汎子宮全摘術', '子宮頸癌（ＩＢ期）'), forms: new Map() },
    ],
    people: sample.people,
  };
}

describe('search across projects (issue 19)', () => {
  const search = new ProjectSearch(passagesOf(source()));

  it('finds a paragraph by a phrase in it, naming the project and the field, with the text around it', () => {
    const hits = search.search('施錠できる保管庫');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.passage).toMatchObject({ projectName: '令和６年 ICG蛍光法', where: '様式第3号「１３．個人情報保護の方法」', href: '/projects/p-2024/forms/besshi1-yoshiki3' });
    expect(hits[0]?.match).toBe('施錠できる保管庫');
    expect(hits[0]?.before).toBe('試料は連結可能匿名化し、対応表は臨床研究推進センターの');
    expect(hits[0]?.after).toBe('（ＩＤ：ＣＲＣ－０１）で保管する。');
  });

  it('reads full-width and half-width alike, and keeps the text as typed in the result', () => {
    const hits = search.search('id:crc-01');
    expect(hits.map((h) => h.passage.projectId)).toEqual(['p-2024']);
    expect(hits[0]?.match).toBe('ＩＤ：ＣＲＣ－０１');
    expect(search.search('ＩＣＧ').some((h) => h.passage.where === '案件名')).toBe(true);
  });

  it('finds half-width kana as full-width, and words across a line break, marking the text as it was written', () => {
    const kana = search.search('データマネージャー');
    expect(kana.map((h) => h.passage.where)).toEqual(['様式第3号「８．モニタリング体制及び実施方法」']);
    expect(kana[0]?.match).toBe('ﾃﾞｰﾀﾏﾈｰｼﾞｬｰ');
    const across = search.search('月１回、 原資料');
    expect(across[0]?.match).toBe('月１回、\n　原資料');
  });

  it('marks the match where folding moved it far (each ㍻ folds to 平成)', () => {
    const text = `${'㍻'.repeat(300)}の記録は施錠保管する。`;
    const far = new ProjectSearch([{ id: 'x', projectId: 'p', projectName: 'p', where: '備考', href: '/', text }]);
    const [hit] = far.search('施錠保管');
    expect(hit?.match).toBe('施錠保管');
    // Forty graphemes before it, as typed.
    expect(hit?.before).toBe(`…${'㍻'.repeat(36)}の記録は`);
  });

  it('searches 名称, 適応症 and 実施責任医師', () => {
    expect(search.search('子宮頸癌').map((h) => [h.passage.projectId, h.passage.where])).toEqual([['p-2026', '適応症']]);
    expect(search.search('広汎子宮').map((h) => h.passage.where)).toEqual(['先進医療の名称']);
    expect(search.search('髙橋').map((h) => [h.passage.projectId, h.passage.where])).toEqual([['p-2024', '実施責任医師']]);
  });

  it('finds a one-character word too (it has no bigram: the passages are read through)', () => {
    expect(search.search('癌').map((h) => [h.passage.projectId, h.passage.where])).toContainEqual(['p-2026', '適応症']);
    expect(search.search('癌').every((h) => h.match === '癌')).toBe(true);
  });

  it('builds the same index a batch at a time, reporting its progress', async () => {
    const seen: number[] = [];
    const built = await ProjectSearch.build(passagesOf(source()), (done) => seen.push(done), 50);
    expect(built.size).toBe(search.size);
    expect(seen.at(-1)).toBe(search.size);
    expect(seen.length).toBe(Math.ceil(search.size / 50));
    expect(built.search('施錠できる保管庫').map((h) => h.passage.id)).toEqual(search.search('施錠できる保管庫').map((h) => h.passage.id));
  });

  it('needs the words in their order: the same bigrams elsewhere are not a hit', () => {
    expect(search.search('保管庫施錠')).toEqual([]);
    expect(search.search('　')).toEqual([]);
    expect(bigrams('個人情報 ICG')).toEqual(['個人', '人情', '情報', 'ic', 'cg']);
  });
});
