/**
 * A backup of a busy workspace for the restore timings (issue 17 item 3): the sample project
 * `count` times over (500 by default), each as the app stores an imported sample
 * (sampleWorkspaceData: the project, its 事前相談, 積算, every 様式 and its first filing), with the
 * 職員名簿 and マスタ once. Returned as the ZIP the app's 「バックアップを保存」 writes, ready to be
 * chosen in 「バックアップファイルを選んで復元」.
 */
import { strToU8, zipSync } from 'fflate';
import { emptyWorkspaceData, envelopeJson, makeEnvelope, type WorkspaceData } from '../shared/io/envelope';
import { sampleWorkspaceData } from '../shared/samples/sample-export';
import type { Sample } from '../shared/samples/sample';
import { APP_VERSION } from '../shared/version';

export const BACKUP_PROJECTS = 500;

/** The stored rows of `count` copies of the sample (ids p0, p1, …; names numbered). */
export function backupWorkspace(sample: Sample, count: number = BACKUP_PROJECTS, at = '2026-11-21T00:00:00.000Z'): WorkspaceData {
  const d = emptyWorkspaceData();
  for (let i = 0; i < count; i++) {
    const one = sampleWorkspaceData(sample, `p${i}`, at);
    d.projects.push(...one.projects.map((p) => ({ ...p, name: `${p.name} ${i + 1}` })));
    d.consultations.push(...one.consultations);
    d.formAnswers.push(...one.formAnswers);
    d.costModels.push(...one.costModels);
    d.filings.push(...one.filings);
    if (i === 0) d.settings.push(...one.settings);
  }
  return d;
}

/** The backup file's bytes (a ZIP holding the one envelope as JSON, as the app saves it) and its JSON size. */
export function backupFile(sample: Sample, count: number = BACKUP_PROJECTS, at = '2026-11-21T00:00:00.000Z'): { readonly zip: Uint8Array; readonly jsonBytes: number } {
  const json = strToU8(envelopeJson(makeEnvelope('workspace', backupWorkspace(sample, count, at), APP_VERSION, at)));
  return { zip: zipSync({ 'senshin-desk.json': json }, { level: 6 }), jsonBytes: json.byteLength };
}
