/** The master lists (職員名簿, 診療科, 委員会, 品目, 機器) of one set of stored records: the settings rows. */
import type { WorkspaceData } from '../io/envelope';
import { EMPTY_MASTERS, type Masters } from '../model/master';

export function mastersOf(data: WorkspaceData): Masters {
  let m: Masters = EMPTY_MASTERS;
  for (const row of data.settings) {
    if (row.key === 'roster') m = { ...m, people: row.value };
    else if (row.key === 'departments') m = { ...m, departments: row.value };
    else if (row.key === 'committees') m = { ...m, committees: row.value };
    else if (row.key === 'products') m = { ...m, products: row.value };
    else if (row.key === 'equipment') m = { ...m, equipment: row.value };
  }
  return m;
}
