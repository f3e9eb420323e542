/**
 * §4.6 R-ETH: the 倫理指針's composition of the committee named in 様式第2号 — each of the three
 * kinds of member, 外部委員 at least two, both sexes, at least five. An エラー for 先進医療B; for A,
 * where any 医の倫理委員会 is accepted (記載要領 第3(2)④), a 警告. Checked on the committee picked
 * from the マスタ, or on the members typed into 様式第2号 when none is picked.
 * Also (issue 16) a 警告 for a member marked 外部 whose 所属・職名 begins with the name of the
 * institution that set up the committee (the 倫理指針's 外部委員 belongs to no part of it).
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

/** Written names compared as printed: NFKC, no spaces. */
const squash = (t: string): string => t.normalize('NFKC').replace(/[\s　]/g, '');

/** A 法人 prefix of a 開設者 (「国立大学法人架空大学」 → 「架空大学」). */
const CORPORATE = /^(?:国立大学法人|公立大学法人|学校法人|独立行政法人|地方独立行政法人|国立研究開発法人|社会医療法人|医療法人(?:社団|財団)?|一般(?:社団|財団)法人|公益(?:社団|財団)法人|社会福祉法人)/;

/**
 * The name a member of the institution writes first in a 所属・職名: a university (「架空大学医学部附属病院」
 * → 「架空大学」: its 法学部 is the same institution), else the whole name. '' when none.
 */
function organisation(name: string): string {
  const n = squash(name);
  const univ = /^(.+?大学)/.exec(n);
  return univ?.[1] ?? n;
}

/**
 * Whose members are 内部: the organisation written before 「倫理審査委員会」 etc. in the committee's
 * name when it is another institution's committee; otherwise the filing institution and, when
 * its 開設者 is a university, that university.
 */
function ownOrganisations(s: Submission, committeeName: string): Array<{ readonly key: string; readonly shown: string }> {
  const inst = s.facts.institution;
  const mine: Array<{ key: string; shown: string }> = [];
  const founderName = inst?.founderName.trim() ?? '';
  const shown = `申請医療機関「${inst?.name.trim() ?? ''}」${founderName === '' ? '' : `（${inst?.filerRole ?? '開設者'}「${founderName}」）`}`;
  if (inst && inst.name.trim() !== '') mine.push({ key: organisation(inst.name), shown });
  const founderOrg = /^(.+?大学)/.exec(squash(founderName).replace(CORPORATE, ''))?.[1];
  if (inst && founderOrg) mine.push({ key: founderOrg, shown });
  const head = /^(.+?)の?(?:倫理|臨床研究審査|治験審査|特定認定再生医療等|認定再生医療等|審査委員会)/.exec(squash(committeeName));
  const owner = head?.[1] ? organisation(head[1]) : '';
  if (owner !== '' && !mine.some((m) => m.key === owner || owner.startsWith(m.key))) return [{ key: owner, shown: `委員会の設置者「${head?.[1] ?? owner}」` }];
  return mine.filter((m) => m.key !== '');
}

/** 外部委員 whose 所属・職名 begins with the name of the institution itself. */
function insiders(s: Submission, members: readonly CommitteeMember[], committeeName: string, name: string, where: FieldLocation[]): Hit[] {
  const own = ownOrganisations(s, committeeName);
  const out: Hit[] = [];
  for (const m of members) {
    if (m.external !== '外部') continue;
    // Each part of the 所属・職名 (「架空大学法学部 准教授」, 「元架空病院 看護部長」 is not 所属).
    const parts = m.position.normalize('NFKC').split(/[\s　、,（）()／/]/).map((p) => p.trim());
    const hit = own.find((o) => parts.some((p) => p.startsWith(o.key)));
    if (!hit) continue;
    out.push({
      severity: 'warning',
      message: `${name}：外部委員の${m.name || '（氏名なし）'}（${m.position.trim()}）は、${hit.shown}と同じ機関に所属しているようです。倫理指針の外部委員は、委員会を設置する機関に所属しない者です。「内部」に直すか、外部委員を見直してください。`,
      locations: where,
      discriminator: `insider:${m.id}`,
    });
  }
  return out;
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
      out.push(...insiders(s, members, committee?.name ?? '', name, where));
      return out;
    },
  },
];
