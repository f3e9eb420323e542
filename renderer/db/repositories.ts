/**
 * Repositories: the only code that reads and writes the database. They validate on write and
 * parse on read (DATA-09), keep validation outside transactions (DATA-08), and turn failures into
 * typed errors with a Japanese message for the user.
 */
import type { z } from 'zod';
import { emptyCostModel, type CostModel } from '../../shared/cost/model';
import type { FormDefinition } from '../../shared/forms/definition';
import { normalizeAnswers } from '../../shared/forms/field';
import {
  OFFICIAL_FAX_DESTINATION,
  emptyInstitutionProfile,
  emptyJizenSoudan,
  type FaxDestination,
  type InstitutionProfile,
  type JizenSoudan,
} from '../../shared/forms/jizen-soudan/schema';
import type { Department, Equipment, EthicsCommittee, Masters, Product } from '../../shared/model/master';
import type { Person } from '../../shared/model/person';
import type { Project } from '../../shared/model/project';
import type { Sample } from '../../shared/samples/sample';
import type { SenshinDb } from './database';
import { removeProjectJournals } from './journal';
import {
  consultationRowSchema,
  costModelRowSchema,
  formAnswersRowSchema,
  projectRowSchema,
  settingRowSchema,
  type ConsultationRow,
  type ProjectRow,
} from './rows';

export type DbErrorCode = 'invalid' | 'unreadable' | 'not-found' | 'write-failed';

export class DbError extends Error {
  readonly code: DbErrorCode;
  constructor(code: DbErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DbError';
    this.code = code;
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new DbError('invalid', `${what}を保存できませんでした：${first?.message ?? '内容が正しくありません'}`, { cause: r.error });
  }
  return r.data;
}

async function write<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof DbError) throw e;
    const quota = e instanceof Error && (e.name === 'QuotaExceededError' || e.name === 'Dexie.QuotaExceededError');
    const message = quota
      ? `${what}を保存できませんでした：ディスクの空き容量が足りません。不要なファイルを削除してから、もう一度お試しください。`
      : `${what}を保存できませんでした。もう一度お試しください。`;
    throw new DbError('write-failed', message, { cause: e });
  }
}

export type MasterKey = 'departments' | 'committees' | 'products' | 'equipment';
export interface MasterLists {
  departments: Department[];
  committees: EthicsCommittee[];
  products: Product[];
  equipment: Equipment[];
}
export type MasterValue<K extends MasterKey> = MasterLists[K];
export const MASTER_LABEL: Readonly<Record<MasterKey, string>> = { departments: '診療科', committees: '倫理審査委員会', products: '医薬品・医療機器', equipment: '機器台帳' };

export interface ProjectList {
  readonly projects: readonly Project[];
  /** Rows that exist but could not be read; they are kept, never overwritten (DATA-09). */
  readonly unreadable: number;
}

const now = (): string => new Date().toISOString();

export class Repositories {
  constructor(private readonly db: SenshinDb) {}

  async listProjects(): Promise<ProjectList> {
    const rows: unknown[] = await this.db.projects.toArray();
    const projects: Project[] = [];
    let unreadable = 0;
    for (const row of rows) {
      const r = projectRowSchema.safeParse(row);
      if (r.success) projects.push(r.data);
      else unreadable++;
    }
    projects.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { projects, unreadable };
  }

  async getProject(id: string): Promise<Project> {
    const row: unknown = await this.db.projects.get(id);
    if (row === undefined) throw new DbError('not-found', '案件が見つかりません。削除された可能性があります。');
    const r = projectRowSchema.safeParse(row);
    if (!r.success) throw new DbError('unreadable', 'この案件のデータを読み取れませんでした。バックアップからの復元をお試しください。', { cause: r.error });
    return r.data;
  }

  async createProject(name: string): Promise<Project> {
    const t = now();
    const row: ProjectRow = validate(projectRowSchema, { id: crypto.randomUUID(), name: name.trim(), technologyName: '', indication: '', category: 'B', filingDate: '', responsiblePhysicianId: '', filer: { name: '', address: '', founderName: '' }, createdAt: t, updatedAt: t }, '案件');
    await write('案件', () => this.db.projects.add(row));
    return row;
  }

  async renameProject(id: string, name: string): Promise<Project> {
    const current = await this.getProject(id);
    const row = validate(projectRowSchema, { ...current, name: name.trim(), updatedAt: now() }, '案件名');
    await write('案件名', () => this.db.projects.put(row));
    return row;
  }

  async deleteProject(id: string): Promise<void> {
    await write('案件の削除', () =>
      this.db.transaction('rw', [this.db.projects, this.db.consultations, this.db.formAnswers, this.db.costModels], async () => {
        await this.db.consultations.delete(id);
        await this.db.formAnswers.where('projectId').equals(id).delete();
        await this.db.costModels.delete(id);
        await this.db.projects.delete(id);
      }),
    );
    removeProjectJournals(id);
  }

  async getInstitution(): Promise<InstitutionProfile> {
    const row: unknown = await this.db.settings.get('institution');
    if (row === undefined) return emptyInstitutionProfile();
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== 'institution') throw new DbError('unreadable', '医療機関情報を読み取れませんでした。');
    return r.data.value;
  }

  async saveInstitution(profile: InstitutionProfile): Promise<void> {
    const row = validate(settingRowSchema, { key: 'institution', value: profile }, '医療機関情報');
    await write('医療機関情報', () => this.db.settings.put(row));
  }

  async getRoster(): Promise<Person[]> {
    const row: unknown = await this.db.settings.get('roster');
    if (row === undefined) return [];
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== 'roster') throw new DbError('unreadable', '職員名簿を読み取れませんでした。');
    return r.data.value;
  }

  async saveRoster(roster: readonly Person[]): Promise<void> {
    const row = validate(settingRowSchema, { key: 'roster', value: roster }, '職員名簿');
    await write('職員名簿', () => this.db.settings.put(row));
  }

  /** One master list (診療科, 倫理審査委員会, 医薬品・医療機器, 機器台帳); [] until first saved. */
  async getMasterList<K extends MasterKey>(key: K): Promise<MasterValue<K>> {
    const row: unknown = await this.db.settings.get(key);
    if (row === undefined) return [] as MasterValue<K>;
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== key) throw new DbError('unreadable', `${MASTER_LABEL[key]}を読み取れませんでした。バックアップからの復元をお試しください。`);
    // The discriminated union narrowed on `key` above; TypeScript cannot carry that to K.
    return r.data.value as MasterValue<K>;
  }

  async saveMasterList<K extends MasterKey>(key: K, value: MasterValue<K>): Promise<void> {
    const row = validate(settingRowSchema, { key, value }, MASTER_LABEL[key]);
    await write(MASTER_LABEL[key], () => this.db.settings.put(row));
  }

  /** Everything the forms pick from, read together. */
  async getMasters(): Promise<Masters> {
    const [people, departments, committees, products, equipment] = await Promise.all([
      this.getRoster(),
      this.getMasterList('departments'),
      this.getMasterList('committees'),
      this.getMasterList('products'),
      this.getMasterList('equipment'),
    ]);
    return { people, departments, committees, products, equipment };
  }

  async getFaxDestination(): Promise<FaxDestination> {
    const row: unknown = await this.db.settings.get('fax-destination');
    if (row === undefined) return OFFICIAL_FAX_DESTINATION;
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== 'fax-destination') throw new DbError('unreadable', 'FAXの宛先を読み取れませんでした。');
    return r.data.value;
  }

  async saveFaxDestination(destination: FaxDestination): Promise<void> {
    const row = validate(settingRowSchema, { key: 'fax-destination', value: destination }, 'FAXの宛先');
    await write('FAXの宛先', () => this.db.settings.put(row));
  }

  async getConsultation(projectId: string): Promise<JizenSoudan> {
    const row: unknown = await this.db.consultations.get(projectId);
    if (row === undefined) return emptyJizenSoudan();
    const r = consultationRowSchema.safeParse(row);
    if (!r.success) throw new DbError('unreadable', '事前相談申込書のデータを読み取れませんでした。バックアップからの復元をお試しください。', { cause: r.error });
    return r.data.data;
  }

  /** When the sheet was last saved (undefined if never): decides whether a journal is newer. */
  async consultationSavedAt(projectId: string): Promise<string | undefined> {
    const r = consultationRowSchema.safeParse(await this.db.consultations.get(projectId));
    return r.success ? r.data.updatedAt : undefined;
  }

  async formAnswersSavedAt(projectId: string, formId: string): Promise<string | undefined> {
    const r = formAnswersRowSchema.safeParse(await this.db.formAnswers.get([projectId, formId]));
    return r.success ? r.data.updatedAt : undefined;
  }

  /** Saves the sheet and the project's 医療技術名 together, in one transaction. */
  async saveConsultation(projectId: string, data: JizenSoudan, technologyName: string, editedAt: string = now()): Promise<void> {
    const project = await this.getProject(projectId);
    const t = editedAt;
    const consultation: ConsultationRow = validate(consultationRowSchema, { projectId, data, updatedAt: t }, '事前相談申込書');
    const projectRow = validate(projectRowSchema, { ...project, technologyName, updatedAt: t }, '医療技術名');
    await write('事前相談申込書', () =>
      this.db.transaction('rw', this.db.projects, this.db.consultations, async () => {
        await this.db.consultations.put(consultation);
        await this.db.projects.put(projectRow);
      }),
    );
  }

  /** The technology facts printed on every form: 医療技術名, 適応症, 区分. */
  async saveTechnology(
    projectId: string,
    facts: { technologyName: string; indication: string; category: 'A' | 'B'; filingDate?: string; responsiblePhysicianId?: string; filer?: { name: string; address: string; founderName: string }; notices?: Project['notices'] },
    editedAt: string = now(),
  ): Promise<Project> {
    const project = await this.getProject(projectId);
    const row = validate(projectRowSchema, { ...project, ...facts, updatedAt: editedAt }, '技術の基本情報');
    await write('技術の基本情報', () => this.db.projects.put(row));
    return row;
  }

  async getFormAnswers<S extends z.ZodObject>(projectId: string, form: FormDefinition<S>): Promise<z.output<S>> {
    const row: unknown = await this.db.formAnswers.get([projectId, form.id]);
    if (row === undefined) return form.empty();
    const r = formAnswersRowSchema.safeParse(row);
    const answers = r.success ? form.answers.safeParse({ ...form.empty(), ...r.data.answers }) : undefined;
    if (!answers?.success) throw new DbError('unreadable', `${form.number}のデータを読み取れませんでした。バックアップからの復元をお試しください。`);
    return answers.data;
  }

  async saveFormAnswers<S extends z.ZodObject>(projectId: string, form: FormDefinition<S>, answers: z.output<S>, editedAt: string = now()): Promise<void> {
    const t = editedAt;
    // 円 amounts that read as amounts are stored as integer yen; other text stays as typed.
    const parsed = validate(form.answers, normalizeAnswers(form.answers, answers), form.number);
    const row = validate(formAnswersRowSchema, { projectId, formId: form.id, answers: parsed, updatedAt: t }, form.number);
    await this.getProject(projectId);
    await write(form.number, () => this.db.formAnswers.put(row));
  }

  async getCostModel(projectId: string): Promise<CostModel> {
    const row: unknown = await this.db.costModels.get(projectId);
    if (row === undefined) return emptyCostModel();
    const r = costModelRowSchema.safeParse(row);
    if (!r.success) throw new DbError('unreadable', '費用の計算データを読み取れませんでした。バックアップからの復元をお試しください。');
    return r.data.model;
  }

  async costModelSavedAt(projectId: string): Promise<string | undefined> {
    const r = costModelRowSchema.safeParse(await this.db.costModels.get(projectId));
    return r.success ? r.data.updatedAt : undefined;
  }

  async saveCostModel(projectId: string, model: CostModel, editedAt: string = now()): Promise<void> {
    const row = validate(costModelRowSchema, { projectId, model, updatedAt: editedAt }, '費用の計算');
    await write('費用の計算', () => this.db.costModels.put(row));
  }

  /** Creates a project from the sample, all or nothing (one transaction). */
  async importSample(sample: Sample): Promise<Project> {
    const t = now();
    const project = validate(projectRowSchema, { id: crypto.randomUUID(), ...sample.project, createdAt: t, updatedAt: t }, 'サンプル');
    const consultation = validate(consultationRowSchema, { projectId: project.id, data: sample.consultation, updatedAt: t }, 'サンプル');
    const cost = validate(costModelRowSchema, { projectId: project.id, model: sample.cost, updatedAt: t }, 'サンプル');
    const answers = [...sample.forms].map(([formId, a]) => validate(formAnswersRowSchema, { projectId: project.id, formId, answers: a, updatedAt: t }, 'サンプル'));
    const roster = await this.getRoster();
    const known = new Set(roster.map((p) => p.id));
    const rosterRow = validate(settingRowSchema, { key: 'roster', value: [...roster, ...sample.people.filter((p) => !known.has(p.id))] }, '職員名簿');
    const masterRows = await Promise.all(
      (['departments', 'committees', 'products', 'equipment'] as const).map(async (key) => {
        const current: ReadonlyArray<{ readonly id: string }> = await this.getMasterList(key);
        const have = new Set(current.map((x) => x.id));
        const added: ReadonlyArray<{ readonly id: string }> = sample.masters[key];
        return validate(settingRowSchema, { key, value: [...current, ...added.filter((x) => !have.has(x.id))] }, MASTER_LABEL[key]);
      }),
    );
    await write('サンプル', () =>
      this.db.transaction('rw', [this.db.projects, this.db.consultations, this.db.costModels, this.db.formAnswers, this.db.settings], async () => {
        await this.db.settings.put(rosterRow);
        await this.db.settings.bulkPut(masterRows);
        await this.db.projects.add(project);
        await this.db.consultations.add(consultation);
        await this.db.costModels.add(cost);
        await this.db.formAnswers.bulkAdd(answers);
      }),
    );
    return project;
  }
}
