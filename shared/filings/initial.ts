/**
 * The first filing of a project (issue 11): the package a project of app 0.1.0 was preparing
 * becomes its 新規届出, still 作成中. Used by the database upgrade to schema 4, by the upgrade of
 * export files of format 1, and when a project is created. The id is derived from the project id,
 * so upgrading the same old file twice gives the same filing.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Project } from '../model/project';
import type { Filing } from './filing';
import { templateSetOn } from './template-sets';

export function initialFilingId(projectId: string): string {
  return `filing-${bytesToHex(sha256(utf8ToBytes(`initial-filing:${projectId}`))).slice(0, 32)}`;
}

export function initialFiling(project: Pick<Project, 'id' | 'category' | 'filingDate' | 'createdAt'>, at: string, today: string): Filing {
  return {
    id: initialFilingId(project.id),
    projectId: project.id,
    kind: 'new',
    packageId: project.category === 'A' ? 'new-a' : 'new-b',
    title: '',
    status: 'draft',
    events: [],
    templateSetId: templateSetOn(project.filingDate || today).id,
    rev: 0,
    createdAt: project.createdAt || at,
    updatedAt: at,
  };
}

/**
 * The first filing of each stored project row (rows as stored, possibly unreadable: a row whose id
 * can be seen still gets one; 区分 B and no 届出日 are assumed for it).
 */
export function initialFilingsOf(rows: readonly unknown[], at: string, parse: (row: unknown) => Pick<Project, 'id' | 'category' | 'filingDate' | 'createdAt'> | undefined): Filing[] {
  const out: Filing[] = [];
  for (const row of rows) {
    const id: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'id') : undefined;
    if (typeof id !== 'string' || id === '') continue;
    out.push(initialFiling(parse(row) ?? { id, category: 'B', filingDate: '', createdAt: at }, at, at.slice(0, 10)));
  }
  return out;
}
