/** The master lists kept as settings rows, and their names as the user reads them. */
import type { Department, Equipment, EthicsCommittee, Product } from '../../shared/model/master';

export type MasterKey = 'departments' | 'committees' | 'products' | 'equipment';
export interface MasterLists {
  departments: Department[];
  committees: EthicsCommittee[];
  products: Product[];
  equipment: Equipment[];
}
export type MasterValue<K extends MasterKey> = MasterLists[K];
export const MASTER_LABEL: Readonly<Record<MasterKey, string>> = { departments: '診療科', committees: '倫理審査委員会', products: '医薬品・医療機器', equipment: '機器台帳' };
