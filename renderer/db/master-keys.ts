/** The master lists kept as settings rows, and their names as the user reads them. */
import type { Department, Equipment, EthicsCommittee, Product } from '../../shared/model/master';
import type { Phrase } from '../../shared/model/phrase';

export type MasterKey = 'departments' | 'committees' | 'products' | 'equipment' | 'phrases';
export interface MasterLists {
  departments: Department[];
  committees: EthicsCommittee[];
  products: Product[];
  equipment: Equipment[];
  /** 定型文 (issue 19). */
  phrases: Phrase[];
}
export type MasterValue<K extends MasterKey> = MasterLists[K];
export const MASTER_LABEL: Readonly<Record<MasterKey, string>> = { departments: '診療科', committees: '倫理審査委員会', products: '医薬品・医療機器', equipment: '機器台帳', phrases: '定型文' };
