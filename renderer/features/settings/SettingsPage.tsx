import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useWatch, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { z } from 'zod';
import { localJournal } from '../../db/journal';
import {
  OFFICIAL_FAX_DESTINATION,
  faxDestinationSchema,
  fieldText,
  institutionProfileSchema,
  type FaxDestination,
  type InstitutionProfile,
} from '../../../shared/forms/jizen-soudan/schema';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { Field } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { LastBackupInfo } from '../backup/LastBackupInfo';
import { Link } from 'wouter';
import { DateInput } from '../../components/DateInput';
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { currentManagerTerm, withManagerName } from './manager';

const settingsValuesSchema = z.object({ profile: institutionProfileSchema, destination: faxDestinationSchema });
type SettingsValues = z.infer<typeof settingsValuesSchema>;

/** 設定 › 医療機関情報: entered once, pre-filled on every form. */
export function SettingsPage() {
  const { repos } = useApp();
  const loaded = useLoad(async () => ({ profile: await repos.getInstitution(), destination: await repos.getFaxDestination() }), []);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  return <SettingsForm initial={loaded.value} />;
}

function SettingsForm({ initial: stored }: { readonly initial: SettingsValues }) {
  const { repos } = useApp();
  const journal = useMemo(() => localJournal('settings', settingsValuesSchema), []);
  const save = useCallback(
    async (v: SettingsValues) => {
      await repos.saveInstitution(v.profile);
      await repos.saveFaxDestination(v.destination);
    },
    [repos],
  );
  const { form, autosave, formProps } = useAutosavedForm({ stored, savedAt: undefined, journal, save });
  const { register, setValue } = form;

  const input = (name: `profile.${Exclude<keyof InstitutionProfile, 'officers' | 'filerIsManager'>}` | `destination.${keyof FaxDestination}`, label: string, help?: string, type = 'text') => (
    <Field label={label} help={help}>
      {({ id, describedBy }) => <input id={id} type={type} className="input" aria-describedby={describedBy} autoComplete="off" {...register(name)} />}
    </Field>
  );

  return (
    <div className="page-narrow">
      <div className="editor-head">
        <h1>設定</h1>
        <SaveStatus autosave={autosave} />
      </div>
      <form className="form" {...formProps}>
        <section className="card" aria-labelledby="inst-title">
          <h2 id="inst-title">医療機関情報</h2>
          <p className="muted">ここに入力した値は、すべての案件の書類にあらかじめ入ります。</p>
          {input('profile.institutionName', fieldText.institutionName.label, fieldText.institutionName.help)}
          {input('profile.address', '保険医療機関の所在地')}
          {input('profile.founderName', '開設者氏名', '届出書の名義人です。交代の予定がある場合は、下の「開設者・管理者の履歴」に就任日とともに登録すると、届出日に在任の人が印刷されます。')}
          <ManagerField control={form.control} setValue={setValue} />
          <Officers control={form.control} register={register} />
          <label className="check">
            <input type="checkbox" {...register('profile.filerIsManager')} /> 届出書の名義人を管理者とする（国立高度専門医療研究センター等で内部委任がある場合。記載要領 第1-1）
          </label>
          <div className="row-2">
            {input('profile.contactAffiliation', fieldText.contactAffiliation.label)}
            {input('profile.contactName', fieldText.contactName.label)}
          </div>
          <div className="row-3">
            {input('profile.tel', fieldText.tel.label, undefined, 'tel')}
            {input('profile.fax', fieldText.fax.label, undefined, 'tel')}
            {input('profile.email', fieldText.email.label, undefined, 'email')}
          </div>
        </section>
        <section className="card" aria-labelledby="fax-title">
          <h2 id="fax-title">事前相談申込書のFAX送信先</h2>
          <p className="muted">
            宛先は、届出日に有効な様式のセットの担当課（令和6年4月改正以降：医政局研究開発政策課）で印刷します。別の宛先を入力した場合は、入力したとおり印刷します。FAX番号は送信前に厚生労働省の最新の案内で確認してください。
          </p>
          {input('destination.faxNumber', 'FAX番号')}
          {input('destination.addressee', '宛先')}
          <button type="button" className="btn" onClick={() => setValue('destination', { ...OFFICIAL_FAX_DESTINATION }, { shouldDirty: true })}>
            記載要領の宛先に戻す
          </button>
        </section>
      </form>
      <StorageCard />
    </div>
  );
}

/**
 * 管理者氏名 as a plain field (issue 15 item 4): it is the current entry of the 開設者・管理者 history
 * below (manager.ts), so the 管理者 is entered like any other fact; changes with a 就任日 go there.
 */
function ManagerField({ control, setValue }: { readonly control: Control<SettingsValues>; readonly setValue: UseFormSetValue<SettingsValues> }) {
  const officers = useWatch({ control, name: 'profile.officers' });
  const today = toIsoDate(todayIn('Asia/Tokyo'));
  const current = currentManagerTerm(officers, today);
  return (
    <Field label="管理者氏名" help="病院長など、現在の管理者です。ここに入力すると、下の「開設者・管理者の履歴」の現在の管理者になります。交代の予定は履歴に就任日とともに登録します。">
      {({ id, describedBy }) => (
        <input
          id={id}
          className="input"
          aria-describedby={describedBy}
          autoComplete="off"
          value={current?.name ?? ''}
          onChange={(e) => setValue('profile.officers', withManagerName(officers, e.target.value, today, () => crypto.randomUUID()), { shouldDirty: true })}
        />
      )}
    </Field>
  );
}

/** 開設者・管理者 with the day each took office: packages print whoever is in office on their 届出日. */
function Officers({ control, register }: { readonly control: Control<SettingsValues>; readonly register: UseFormRegister<SettingsValues> }) {
  const rows = useFieldArray({ control, name: 'profile.officers', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="field" role="group" aria-labelledby="officers-title">
      <p className="field-label" id="officers-title">
        開設者・管理者の履歴
      </p>
      <p className="field-help">病院長の交代などを就任日とともに登録します。書類には、その案件の届出日に在任の人が印刷されます（すでに提出した届出日の書類は変わりません）。</p>
      {rows.fields.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">役職</th>
              <th scope="col">氏名（職名を含む）</th>
              <th scope="col">就任日</th>
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((f, i) => (
              <tr key={f.key}>
                <td>
                  <select className="input" aria-label={`役職（${i + 1}行目）`} {...register(`profile.officers.${i}.role`)}>
                    <option>開設者</option>
                    <option>管理者</option>
                  </select>
                </td>
                <td>
                  <input className="input" aria-label={`氏名（${i + 1}行目）`} autoComplete="off" {...register(`profile.officers.${i}.name`)} />
                </td>
                <td>
                  <DateInput aria-label={`就任日（${i + 1}行目）`} {...register(`profile.officers.${i}.validFrom`)} />
                </td>
                <td>
                  <RemoveRowButton label={`${i + 1}行目の履歴を削除`} onRemove={() => rows.remove(i)} focusAfter={addRef} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button ref={addRef} type="button" className="btn" onClick={() => rows.append({ id: crypto.randomUUID(), role: '開設者', name: '', validFrom: '' })}>
        開設者・管理者を追加
      </button>
    </div>
  );
}

/** DATA-02: persistent storage is requested at start; here the user sees whether it was granted. */
function StorageCard() {
  const [info, setInfo] = useState<{ persisted: boolean; usage?: number; quota?: number }>();
  useEffect(() => {
    let alive = true;
    const s = navigator.storage;
    if (!s?.persisted) return;
    void Promise.all([s.persisted(), s.estimate()]).then(([persisted, est]) => {
      if (alive) setInfo({ persisted, usage: est.usage, quota: est.quota });
    });
    return () => {
      alive = false;
    };
  }, []);
  const mb = (n: number | undefined) => (n === undefined ? '—' : `${(n / 1024 / 1024).toFixed(1)} MB`);
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">保存領域とバックアップ</h2>
      <LastBackupInfo />
      <Link href="/backup" className="btn">
        バックアップと復元
      </Link>
      {info ? (
        <p data-testid="storage-info">
          {info.persisted ? '永続保存：許可されています（空き容量が減っても自動では削除されません）。' : '永続保存：許可されていません。定期的にバックアップを保存してください。'}
          使用量 {mb(info.usage)} / 上限 {mb(info.quota)}
        </p>
      ) : (
        <p className="muted">保存領域の情報を取得できません。</p>
      )}
    </section>
  );
}
