/** R-ETH (spec §4.6): an エラー for 先進医療B, a 警告 for A (記載要領 第3(2)④ accepts a 医の倫理委員会). */
import { describe, expect, test } from 'vitest';
import type { CommitteeMember, Masters } from '../../../shared/model/master';
import { findingsOf } from '../../helpers/rules';

const withMembers = (edit: (m: readonly CommitteeMember[]) => CommitteeMember[]) => (m: Masters): Masters => ({ ...m, committees: m.committees.map((c) => ({ ...c, members: edit(c.members) })) });

const CASES = [
  { name: 'four members', edit: (m: readonly CommitteeMember[]) => m.slice(0, 4), message: '委員は5名以上必要です（いま4名）' },
  { name: 'one outside member', edit: (m: readonly CommitteeMember[]) => m.map((x, i) => (i >= 3 ? { ...x, external: '内部' as const } : x)), message: '外部委員は複数（2名以上）必要です（いま1名）' },
  { name: 'one sex', edit: (m: readonly CommitteeMember[]) => m.map((x) => ({ ...x, sex: '男' as const })), message: '男女両性の委員が必要です' },
];

describe('R-ETH', () => {
  for (const c of CASES) {
    test(`a committee with ${c.name} is an error for 先進医療B`, () => {
      const f = findingsOf({ masters: withMembers(c.edit) }, 'R-ETH');
      expect(f.filter((x) => x.message.includes(c.message)).map((x) => x.severity)).toEqual(['error']);
    });
    test(`a committee with ${c.name} is a warning for 先進医療A`, () => {
      const f = findingsOf({ project: { category: 'A' }, masters: withMembers(c.edit), forms: { 'besshi1/yoshiki3': { materials: [] } } }, 'R-ETH');
      expect(f.filter((x) => x.message.includes(c.message)).map((x) => x.severity)).toEqual(['warning']);
    });
  }

  test('members typed into 様式第2号 (no committee picked) are checked the same way', () => {
    const rows = [
      { name: '甲', position: '', category: '医学・医療の専門家等', external: '内部', sex: '男' },
      { name: '乙', position: '', category: '倫理学・法律学の専門家等', external: '外部', sex: '男' },
      { name: '丙', position: '', category: '一般の立場', external: '外部', sex: '男' },
    ];
    const f = findingsOf({ forms: { 'besshi1/yoshiki2': { committeeId: '', committee: rows } } }, 'R-ETH');
    expect(f.map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringContaining('いま3名'), expect.stringContaining('男女両性')]));
    expect(f[0]?.locations[0]).toMatchObject({ doc: 'besshi1/yoshiki2', field: 'committee' });
  });

  test('counts the members on the committee on the 届出日: one who left the day before is not counted (issue 11)', () => {
    const fiveLeaving = (to: string) => withMembers((m) => m.slice(0, 5).map((x, i) => (i === 0 ? { ...x, to } : x)));
    // The sample's 届出日 is 2027-04-05.
    expect(findingsOf({ masters: fiveLeaving('2027-04-04') }, 'R-ETH').map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringContaining('いま4名')]));
    expect(findingsOf({ masters: fiveLeaving('2027-04-05') }, 'R-ETH').filter((x) => x.message.includes('5名以上'))).toEqual([]);
  });
});

/** The sample's fifth member (山本 浩, 外部) with another 所属・職名. */
const fifthAt = (position: string, external: '外部' | '内部' = '外部') => withMembers((m) => m.map((x) => (x.id === 'sample-member-5' ? { ...x, position, external } : x)));
const insiders = (f: ReturnType<typeof findingsOf>) => f.filter((x) => x.message.includes('外部委員の'));

describe('R-ETH: a 外部委員 of the institution itself (issue 16)', () => {
  test('a member marked 外部 from the founder\'s own university is a warning naming the member, the 所属 and the 開設者', () => {
    const f = insiders(findingsOf({ masters: fifthAt('架空大学法学部 准教授（生命倫理）') }, 'R-ETH'));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('山本 浩（架空大学法学部 准教授（生命倫理））');
    expect(f[0]?.message).toContain('開設者「国立大学法人架空大学 学長 架空 一郎」');
    expect(f[0]?.locations[0]).toMatchObject({ doc: 'masters/committees', entryId: 'sample-committee' });
  });

  test('a member of the hospital itself, written with a full-width space, is flagged; one of another university or a former employee is not', () => {
    expect(insiders(findingsOf({ masters: fifthAt('架空大学医学部附属病院　事務部長') }, 'R-ETH'))).toHaveLength(1);
    for (const position of ['虚構学院大学法学部 准教授（生命倫理）', '新架空大学 人文学部 教授', '元架空大学医学部附属病院 看護部長', '']) {
      expect(insiders(findingsOf({ masters: fifthAt(position) }, 'R-ETH')), position).toEqual([]);
    }
  });

  test('a member of the university marked 内部 is not a 外部委員 and is not flagged', () => {
    expect(insiders(findingsOf({ masters: fifthAt('架空大学法学部 准教授（生命倫理）', '内部') }, 'R-ETH'))).toEqual([]);
  });

  test('for another institution\'s committee, a member of that institution is flagged, one of ours is not', () => {
    const central = (position: string) => (m: Masters): Masters => ({ ...m, committees: m.committees.map((c) => ({ ...c, name: '虚構医科大学 臨床研究審査委員会', members: c.members.map((x) => (x.id === 'sample-member-5' ? { ...x, position } : x)) })) });
    expect(insiders(findingsOf({ masters: central('虚構医科大学 法学部 教授') }, 'R-ETH'))[0]?.message).toContain('委員会の設置者「虚構医科大学」');
    expect(insiders(findingsOf({ masters: central('架空大学法学部 准教授') }, 'R-ETH'))).toEqual([]);
  });

  test('members typed into 様式第2号 are read the same way (「○」 for 外部)', () => {
    const rows = [
      { name: '甲 太郎', position: '架空大学医学部 教授', category: '医学・医療の専門家等', external: '内部', sex: '男' },
      { name: '乙 花子', position: '架空大学医学部附属病院 看護部長', category: '医学・医療の専門家等', external: '内部', sex: '女' },
      { name: '丙 次郎', position: '架空大学 経済学部 教授', category: '倫理学・法律学の専門家等', external: '○', sex: '男' },
      { name: '丁 三郎', position: '架空法律事務所 弁護士', category: '倫理学・法律学の専門家等', external: '○', sex: '男' },
      { name: '戊 咲子', position: '架空市民の会', category: '一般の立場', external: '○', sex: '女' },
    ];
    const f = insiders(findingsOf({ forms: { 'besshi1/yoshiki2': { committeeId: '', committee: rows } } }, 'R-ETH'));
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('丙 次郎（架空大学 経済学部 教授）')]);
  });
});
