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
