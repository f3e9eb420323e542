/**
 * How each master list is named, shown in a picker and created inline (「新しく登録」): a few
 * fields are enough to pick the item now; the rest is completed on the マスタ screen.
 */
import type { MasterList } from '../../shared/forms/field';
import { COMMITTEE_TYPES, PRODUCT_KINDS, LABEL_USES, emptyCommittee, emptyDepartment, emptyProduct, type Masters } from '../../shared/model/master';
import { emptyPerson } from '../../shared/model/person';

export interface QuickField {
  readonly key: string;
  readonly label: string;
  readonly options?: readonly string[];
}

export interface ListInfo {
  /** 「倫理審査委員会」: what one item is called. */
  readonly noun: string;
  /** Where the whole record is edited. */
  readonly href: string;
  readonly quick: readonly QuickField[];
}

export const LIST_INFO: Readonly<Record<MasterList, ListInfo>> = {
  people: { noun: '職員', href: '/roster', quick: [{ key: 'name', label: '氏名' }, { key: 'department', label: '所属（診療科）' }, { key: 'title', label: '職名' }] },
  committees: { noun: '倫理審査委員会', href: '/masters/committees', quick: [{ key: 'name', label: '委員会の名称' }, { key: 'type', label: '種類', options: COMMITTEE_TYPES }] },
  products: {
    noun: '品目',
    href: '/masters/products',
    quick: [
      { key: 'kind', label: '種別', options: PRODUCT_KINDS },
      { key: 'name', label: '品目名' },
      { key: 'maker', label: '製造販売業者名及び連絡先' },
      { key: 'spec', label: '型式・規格' },
      { key: 'approvalNumber', label: '承認又は認証番号（16桁）' },
      { key: 'labelUse', label: '適応外使用の該当', options: LABEL_USES },
    ],
  },
  departments: { noun: '診療科', href: '/masters/departments', quick: [{ key: 'name', label: '診療科名' }, { key: 'fullTimeDoctors', label: '常勤医師数' }] },
};

export interface PickItem {
  readonly id: string;
  readonly label: string;
  /** Product kind etc., for pickers limited to some kinds. */
  readonly kind?: string;
}

export function itemsOf(masters: Masters, list: MasterList): PickItem[] {
  switch (list) {
    case 'people':
      return masters.people.map((p) => ({ id: p.id, label: [p.name || '（氏名未入力）', p.department, p.title].filter(Boolean).join('　') }));
    case 'committees':
      return masters.committees.map((c) => ({ id: c.id, label: `${c.name || '（名称未入力）'}（${c.type}・委員${c.members.length}名）` }));
    case 'products':
      return masters.products.map((p) => ({ id: p.id, kind: p.kind, label: `${p.name || '（品目名未入力）'}（${p.kind}${p.labelUse ? '・' + p.labelUse : ''}）` }));
    case 'departments':
      return masters.departments.map((d) => ({ id: d.id, label: d.name || '（診療科名未入力）' }));
  }
}

/** A new item of `list` from the quick fields, with a fresh id; the masters with it appended. */
export function addQuick(masters: Masters, list: MasterList, values: Readonly<Record<string, string>>, id: string): Masters {
  const v = (k: string): string => values[k]?.trim() ?? '';
  switch (list) {
    case 'people':
      return { ...masters, people: [...masters.people, { ...emptyPerson(id), name: v('name'), department: v('department'), title: v('title') }] };
    case 'committees': {
      const type = COMMITTEE_TYPES.find((t) => t === v('type')) ?? '倫理審査委員会';
      return { ...masters, committees: [...masters.committees, { ...emptyCommittee(id), name: v('name'), type }] };
    }
    case 'products': {
      const kind = PRODUCT_KINDS.find((k) => k === v('kind')) ?? '医療機器';
      const labelUse = LABEL_USES.find((k) => k === v('labelUse')) ?? '';
      return { ...masters, products: [...masters.products, { ...emptyProduct(id, kind), name: v('name'), maker: v('maker'), spec: v('spec'), approvalNumber: v('approvalNumber'), labelUse }] };
    }
    case 'departments':
      return { ...masters, departments: [...masters.departments, { ...emptyDepartment(id), name: v('name'), fullTimeDoctors: v('fullTimeDoctors') }] };
  }
}
