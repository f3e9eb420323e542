/**
 * Every project's records for the 期限 view (issue 14 item 6): one project at a time through
 * projectRecords, without the as-filed copies (their bytes are never needed here), the settings once.
 */
import { emptyWorkspaceData, type WorkspaceData } from '../../../shared/io/envelope';
import { PROJECT_TABLES } from '../../../shared/io/tables';
import type { Repositories } from '../../db/repositories';

export async function allProjectRecords(repos: Repositories): Promise<WorkspaceData> {
  const { projects } = await repos.listProjects();
  const out = emptyWorkspaceData();
  for (const p of projects) {
    const one = await repos.projectRecords(p.id);
    for (const t of PROJECT_TABLES) (out[t] as unknown[]).push(...one[t]);
  }
  return out;
}
