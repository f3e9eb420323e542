/**
 * First run (issue 15 item 7): what an empty app needs before a 届出 can be drafted, in the order a
 * coordinator does it — 設定 → 職員名簿 → マスタ → 案件 — each done or not from the stored data.
 */
import type { InstitutionProfile } from '../../../shared/forms/jizen-soudan/schema';
import type { Masters } from '../../../shared/model/master';
import { officerOn } from '../../../shared/model/institution';

export interface FirstRunStep {
  readonly key: 'settings' | 'roster' | 'masters' | 'project';
  /** The screen's name, as in the menu. */
  readonly title: string;
  readonly href: string | undefined;
  /** What it holds for the forms. */
  readonly what: string;
  readonly done: boolean;
  /** What is still missing, when not done. */
  readonly missing: string;
}

const filled = (s: string): boolean => s.trim() !== '';

export function firstRunSteps(input: { readonly profile: InstitutionProfile; readonly masters: Masters; readonly projects: number; readonly today: string }): FirstRunStep[] {
  const { profile, masters } = input;
  const founder = filled(profile.founderName) || officerOn(profile.officers, '開設者', input.today) !== undefined;
  const settingsMissing = [filled(profile.institutionName) ? '' : '医療機関名', filled(profile.address) ? '' : '所在地', founder ? '' : '開設者氏名'].filter(filled);
  const committees = masters.committees.some((c) => filled(c.name));
  const departments = masters.departments.some((d) => filled(d.name));
  const mastersMissing = [committees ? '' : '倫理審査委員会', departments ? '' : '診療科'].filter(filled);
  return [
    { key: 'settings', title: '設定', href: '/settings', what: '医療機関名・所在地・開設者・事務担当者。すべての届出書に入ります。', done: settingsMissing.length === 0, missing: settingsMissing.join('・') },
    { key: 'roster', title: '職員名簿', href: '/roster', what: '実施責任医師・実施者の資格や経験。様式第2号・第8-1号などに入ります。', done: masters.people.some((p) => filled(p.name)), missing: '職員' },
    { key: 'masters', title: 'マスタ', href: '/masters', what: '倫理審査委員会・診療科（品目・機器は必要なときに）。様式では選ぶだけになります。', done: mastersMissing.length === 0, missing: mastersMissing.join('・') },
    { key: 'project', title: '案件', href: undefined, what: '準備する先進医療技術ひとつ分の書類一式です。', done: input.projects > 0, missing: '案件' },
  ];
}
