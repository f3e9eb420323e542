import { resolveJizenSoudan, type JizenSoudanPrint } from '../../shared/forms/jizen-soudan/layout';
import { OFFICIAL_FAX_DESTINATION, type InstitutionProfile, type JizenSoudan } from '../../shared/forms/jizen-soudan/schema';

export const profile: InstitutionProfile = {
  institutionName: '架空大学医学部附属病院',
  contactAffiliation: '臨床研究推進センター 先進医療支援室',
  contactName: '髙橋 﨑子',
  tel: '03-1234-5678',
  fax: '03-1234-5679',
  email: 'senshin@example.ac.jp',
  address: '東京都架空区架空町1-2-3',
  founderName: '国立大学法人架空大学 学長 架空 一郎',
  officers: [],
  filerIsManager: false,
};

export const filled: JizenSoudan = {
  products:
    '一般名：パクリタキセル（製品名：タキソール注射液100mg、企業名：架空製薬株式会社）\n' +
    '使用方法：20mg/m²を腹腔内に投与。適応外（腹腔内投与は承認外）。\n' +
    '一般名：腹腔ポート（製品名：架空ポートⅡ、企業名：架空メディカル株式会社）未承認',
  slots: [
    { date: '2027-01-12', start: '14:00', end: '16:00' },
    { date: '2027-01-13', start: '14:30', end: '17:00' },
    { date: '2027-01-19', start: '15:00', end: '16:00' },
  ],
  visitors: [
    { name: '𠮷田 太郎', affiliation: '架空大学医学部附属病院 消化器外科' },
    { name: '山﨑 花子', affiliation: '架空製薬株式会社 開発本部' },
  ],
  assumedCategory: 'B',
  heldOn: '',
};

export const technologyName = 'パクリタキセル腹腔内投与及び静脈内投与並びにＳ－１内服併用療法';

export function filledPrint(over: Partial<JizenSoudan> = {}): JizenSoudanPrint {
  return resolveJizenSoudan({ ...filled, ...over }, profile, technologyName, OFFICIAL_FAX_DESTINATION);
}

/** Every value a user entered, as it must appear in the output. */
export function enteredValues(p: JizenSoudanPrint): string[] {
  return [
    p.institutionName,
    p.contactAffiliation,
    p.contactName,
    p.tel,
    p.fax,
    p.email,
    p.technologyName,
    ...p.products.split('\n'),
    ...p.visitors.flatMap((v) => [v.name, v.affiliation]),
    p.destination.faxNumber,
    p.destination.addressee,
  ];
}
