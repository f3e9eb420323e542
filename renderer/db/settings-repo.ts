/**
 * 設定, 職員名簿 and マスタ (the workspace's settings rows), and what every repository shares: the
 * database, the revision log of this window and the one write path (put-doc.ts). Repositories
 * (repositories.ts) extends it with projects, forms and costs; filings and sites have their own
 * repositories. Validate on write, parse on read (DATA-09).
 */
import {
  OFFICIAL_FAX_DESTINATION,
  emptyInstitutionProfile,
  type FaxDestination,
  type InstitutionProfile,
} from '../../shared/forms/jizen-soudan/schema';
import type { Masters } from '../../shared/model/master';
import type { Person } from '../../shared/model/person';
import type { SenshinDb } from './database';
import { DbError } from './errors';
import { MASTER_LABEL, type MasterKey, type MasterValue } from './master-keys';
import { putDoc, type DocWrite, type PutDocOptions } from './put-doc';
import { RevisionLog, docKeys } from './revisions';
import { settingRowSchema } from './rows';
import { validate } from './write';

const now = (): string => new Date().toISOString();

export interface RepositoryOptions {
  /** Data written by a newer app version: everything reads, nothing writes (DATA-06). */
  readonly readOnly?: boolean;
}

export class SettingsRepository {
  /** Revision numbers this window has seen, and the history of every document (DATA-10/17). */
  readonly revisions: RevisionLog;
  readonly readOnly: boolean;

  constructor(
    protected readonly db: SenshinDb,
    options: RepositoryOptions = {},
  ) {
    this.revisions = new RevisionLog(db);
    this.readOnly = options.readOnly ?? false;
  }

  /** Writes documents through put-doc.ts (one transaction with their revisions). */
  protected putDoc(what: string, doc: DocWrite | (() => Promise<readonly DocWrite[]>), at: string, options?: PutDocOptions): Promise<void> {
    return putDoc({ db: this.db, revisions: this.revisions, readOnly: this.readOnly }, what, doc, at, options);
  }

  async getInstitution(): Promise<InstitutionProfile> {
    await this.revisions.noteRead(docKeys.setting('institution'));
    const row: unknown = await this.db.settings.get('institution');
    if (row === undefined) return emptyInstitutionProfile();
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== 'institution') throw new DbError('unreadable', '医療機関情報を読み取れませんでした。');
    return r.data.value;
  }

  async saveInstitution(profile: InstitutionProfile): Promise<void> {
    const row = validate(settingRowSchema, { key: 'institution', value: profile }, '医療機関情報');
    await this.putDoc('医療機関情報', { table: 'settings', docKey: docKeys.setting(row.key), row }, now());
  }

  async getRoster(): Promise<Person[]> {
    await this.revisions.noteRead(docKeys.setting('roster'));
    const row: unknown = await this.db.settings.get('roster');
    if (row === undefined) return [];
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== 'roster') throw new DbError('unreadable', '職員名簿を読み取れませんでした。');
    return r.data.value;
  }

  async saveRoster(roster: readonly Person[]): Promise<void> {
    const row = validate(settingRowSchema, { key: 'roster', value: roster }, '職員名簿');
    await this.putDoc('職員名簿', { table: 'settings', docKey: docKeys.setting(row.key), row }, now());
  }

  /** One master list (診療科, 倫理審査委員会, 医薬品・医療機器, 機器台帳); [] until first saved. */
  async getMasterList<K extends MasterKey>(key: K): Promise<MasterValue<K>> {
    await this.revisions.noteRead(docKeys.setting(key));
    const row: unknown = await this.db.settings.get(key);
    if (row === undefined) return [] as MasterValue<K>;
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== key) throw new DbError('unreadable', `${MASTER_LABEL[key]}を読み取れませんでした。バックアップからの復元をお試しください。`);
    // The discriminated union narrowed on `key` above; TypeScript cannot carry that to K.
    return r.data.value as MasterValue<K>;
  }

  async saveMasterList<K extends MasterKey>(key: K, value: MasterValue<K>): Promise<void> {
    const row = validate(settingRowSchema, { key, value }, MASTER_LABEL[key]);
    await this.putDoc(MASTER_LABEL[key], { table: 'settings', docKey: docKeys.setting(key), row }, now());
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
    await this.revisions.noteRead(docKeys.setting('fax-destination'));
    const row: unknown = await this.db.settings.get('fax-destination');
    if (row === undefined) return OFFICIAL_FAX_DESTINATION;
    const r = settingRowSchema.safeParse(row);
    if (!r.success || r.data.key !== 'fax-destination') throw new DbError('unreadable', 'FAXの宛先を読み取れませんでした。');
    return r.data.value;
  }

  async saveFaxDestination(destination: FaxDestination): Promise<void> {
    const row = validate(settingRowSchema, { key: 'fax-destination', value: destination }, 'FAXの宛先');
    await this.putDoc('FAXの宛先', { table: 'settings', docKey: docKeys.setting(row.key), row }, now());
  }
}
