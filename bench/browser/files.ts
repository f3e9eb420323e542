/**
 * The files the browser bench gives the app, as a person would choose them: a project file of the
 * realistic B project (bench/realistic-project.ts), the sample and the realistic project with
 * 様式第3号's 治療計画 written to 10,000 characters (the keystroke timings), and a backup of 500
 * projects (bench/backup-500.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { envelopeJson, makeEnvelope, type WorkspaceData } from '../../shared/io/envelope';
import { parseSample, type Sample } from '../../shared/samples/sample';
import { APP_VERSION } from '../../shared/version';
import { BACKUP_PROJECTS, backupFile } from '../backup-500';
import { REALISTIC_TEXT, realisticProject } from '../realistic-project';
import { longJapanese, stressProject } from '../stress-project';
import { sampleWorkspaceData } from '../../shared/samples/sample-export';

const AT = '2027-01-01T00:00:00.000Z';
/** 様式第3号's 治療計画 in the keystroke timing (issue 17). */
export const LONG_PLAN_CHARS = 10_000;

export function loadSample(root: string): Sample {
  const parsed = parseSample(JSON.parse(readFileSync(path.join(root, 'assets/samples/sample-project.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.sample;
}

export interface BenchFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

function projectFile(name: string, data: WorkspaceData): { file: BenchFile; projectName: string } {
  const projectName = data.projects[0]?.name;
  if (projectName === undefined) throw new Error('no project');
  const json = envelopeJson(makeEnvelope('project', data, APP_VERSION, AT));
  return { file: { name, mimeType: 'application/json', buffer: Buffer.from(strToU8(json)) }, projectName };
}

/** The realistic project as a project file (the package export). */
export function realisticFile(sample: Sample): { file: BenchFile; projectName: string } {
  return projectFile('realistic-project.json', realisticProject(sample, AT));
}

/** The realistic project with 様式第3号's 治療計画 at 10,000 characters of prose (the keystroke timing). */
export function longPlanFile(sample: Sample): { file: BenchFile; projectName: string } {
  const data = stressProject(sample, AT, (formId, key) =>
    formId !== 'besshi1/yoshiki3' ? REALISTIC_TEXT.other : key === 'treatmentPlan' ? LONG_PLAN_CHARS : REALISTIC_TEXT.yoshiki3,
  );
  return projectFile('long-treatment-plan.json', data);
}

/**
 * The sample project with 様式第3号's 治療計画 written to 10,000 characters (the keystroke timing of
 * issue 17: 「様式第3号 with 10,000 characters」); everything else as in the sample.
 */
export function samplePlanFile(sample: Sample): { file: BenchFile; projectName: string } {
  const data = sampleWorkspaceData(sample, 'bench', AT);
  const approvedOn = { year: 2027, month: 2, day: 15 };
  const formAnswers = data.formAnswers.map((row) =>
    row.formId === 'besshi1/yoshiki3' ? { ...row, answers: { ...row.answers, treatmentPlan: longJapanese(3, LONG_PLAN_CHARS, { approvedOn }) } } : row,
  );
  return projectFile('sample-long-treatment-plan.json', { ...data, formAnswers });
}

/** The 500-project backup as the app saves it (a ZIP). */
export function backup500File(sample: Sample): { file: BenchFile; projects: number; jsonBytes: number } {
  const { zip, jsonBytes } = backupFile(sample, BACKUP_PROJECTS);
  return { file: { name: 'senshin-desk-backup-500.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }, projects: BACKUP_PROJECTS, jsonBytes };
}
