/**
 * §4.6 R-ETH: the 倫理指針's composition of the committee named in 様式第2号 — each of the three
 * kinds of member, 外部委員 at least two, both sexes, at least five. An エラー for 先進医療B; for A,
 * where any 医の倫理委員会 is accepted (記載要領 第3(2)④), a 警告. Checked on the committee picked
 * from the マスタ, or on the members typed into 様式第2号 when none is picked.
 */
import { yoshiki2 } from '../../forms/besshi1/yoshiki2';
import { MEMBER_CATEGORIES, committeeProblems, membersOn, type CommitteeMember } from '../../model/master';
import { toIsoDate } from '../../dates/iso-date';
import { answerOf, at, atField, inPackage, type Submission } from '../submission';
import type { FieldLocation, Hit, Rule } from '../types';

function typedMembers(s: Submission): CommitteeMember[] {
  const rows = answerOf(s, yoshiki2, 'committee') ?? [];
  // Table cells by column key (the schema types a row as Record<string, string>).
  const str = (r: Readonly<Record<string, string>>, k: string): string => r[k] ?? '';
  return rows.map((r, i) => {
    const category = MEMBER_CATEGORIES.find((c) => str(r, 'category').includes(c.slice(0, 4))) ?? '';
    const ext = str(r, 'external');
    const sex = str(r, 'sex');
    return {
      id: String(i),
      name: str(r, 'name'),
      position: str(r, 'position'),
      category,
      external: /外部|○|有|はい/.test(ext) ? '外部' : /内部|×|無|いいえ/.test(ext) ? '内部' : '',
      sex: /女/.test(sex) ? '女' : /男/.test(sex) ? '男' : '',
      from: '',
      to: '',
    };
  });
}

export const ethicsRules: readonly Rule[] = [
  {
    id: 'R-ETH',
    title: '倫理審査委員会の構成',
    severity: { A: 'warning', B: 'error' },
    basis: '記載要領 第3(2)②③・人を対象とする生命科学・医学系研究に関する倫理指針：3区分の委員、外部委員複数、男女両性、5名以上',
    check(s) {
      if (!inPackage(s, yoshiki2.id)) return [];
      const id = answerOf(s, yoshiki2, 'committeeId');
      const committee = id !== undefined && id !== '' ? s.facts.masters.committees.find((c) => c.id === id) : undefined;
      let members: readonly CommitteeMember[];
      let where: FieldLocation[];
      let name: string;
      if (committee) {
        // The members on the committee on the 届出日 (任期 from the master, issue 11).
        members = membersOn(committee.members, s.facts.asOf ?? toIsoDate(s.today));
        where = [at('masters/committees', 'members', { entryId: committee.id, label: `マスタ（倫理審査委員会）「${committee.name}」` }), atField(yoshiki2, 'committeeId')];
        name = committee.name;
      } else {
        members = typedMembers(s);
        if (members.length === 0) return [];
        where = [atField(yoshiki2, 'committee')];
        name = '様式第2号の委員会';
      }
      const { unmet, unknown } = committeeProblems(members);
      const out: Hit[] = unmet.map((m) => ({ message: `${name}：${m.text}${s.category === 'A' ? '（先進医療Aでは医の倫理委員会でもよいため警告）' : ''}`, locations: where, discriminator: m.id }));
      if (unknown > 0) out.push({ severity: 'warning', message: `${name}：区分・外部委員・性別が未入力の委員が${unknown}名います。`, locations: where, discriminator: 'unknown' });
      return out;
    },
  },
];
