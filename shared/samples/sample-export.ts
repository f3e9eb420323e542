/**
 * The sample as a project file (kind 'project'): the rows the app stores when it imports the
 * sample into an empty workspace (renderer/db/repositories.ts importSample) and then exports that
 * project (renderer/db/workspace.ts exportProject) — the project, its 事前相談, 積算 and 様式 rows,
 * and the 職員名簿/マスタ settings its forms pick from. Every row passes its stored-row schema.
 * `npm run check -- --export-sample` writes it; the check tests and the bench read it.
 */
import { consultationRowSchema, costModelRowSchema, formAnswersRowSchema, projectRowSchema, settingRowSchema } from '../io/records';
import { makeEnvelope, type ExportEnvelope, type WorkspaceData } from '../io/envelope';
import type { Sample } from './sample';
import { initialFiling } from '../filings/initial';
import { FORMS } from '../forms/registry';
import { formVersion } from '../forms/versioning';

/** The master settings a project file carries, in the order the app writes them. */
const MASTER_KEYS = ['departments', 'committees', 'products', 'equipment'] as const;

/** The stored rows of the sample imported as project `projectId` at time `at` (ISO). Throws on an invalid row. */
export function sampleWorkspaceData(sample: Sample, projectId: string, at: string): WorkspaceData {
  const project = projectRowSchema.parse({ id: projectId, ...sample.project, createdAt: at, updatedAt: at });
  return {
    projects: [project],
    consultations: [consultationRowSchema.parse({ projectId, data: sample.consultation, updatedAt: at })],
    // The sample's answers are written in each form's current template version (never migrated again).
    formAnswers: [...sample.forms].map(([formId, answers]) => {
      const form = FORMS.find((f) => f.id === formId);
      return formAnswersRowSchema.parse({ projectId, formId, answers, ...(form ? { formVersion: formVersion(form) } : {}), updatedAt: at });
    }),
    costModels: [costModelRowSchema.parse({ projectId, model: sample.cost, updatedAt: at })],
    settings: [settingRowSchema.parse({ key: 'roster', value: [...sample.people] }), ...MASTER_KEYS.map((key) => settingRowSchema.parse({ key, value: [...sample.masters[key]] }))],
    filings: [initialFiling(project, at, at.slice(0, 10))],
    filedCopies: [],
    sites: [],
    siteAnswers: [],
    filingDocs: [],
    attachmentFiles: [],
  };
}

/** The envelope the app's 「案件を書き出す」 writes for the imported sample. */
export function sampleProjectEnvelope(sample: Sample, appVersion: string, at: string, projectId = 'sample'): ExportEnvelope {
  return makeEnvelope('project', sampleWorkspaceData(sample, projectId, at), appVersion, at);
}
