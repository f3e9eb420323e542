import { SITES_FLAG } from '../../../shared/projects/carry';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useFieldArray, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { Link } from 'wouter';
import { z } from 'zod';
import { yoshiki2, type Yoshiki2 } from '../../../shared/forms/besshi1/yoshiki2';
import { yoshiki9 } from '../../../shared/forms/besshi1/yoshiki9';
import { SITE_ROLES, siteSchema, sitesFromTypedRows, type Site } from '../../../shared/model/site';
import { differingFields } from '../../../shared/rules/catalog/sites';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { Notice } from '../../components/Notice';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal } from '../../db/journal';
import { DateInput } from '../../components/DateInput';

const formSchema = z.object({ sites: z.array(siteSchema).max(500) });
type SitesForm = z.infer<typeof formSchema>;

const TEXT_FIELDS: ReadonlyArray<readonly [keyof Site & ('name' | 'address' | 'department' | 'responsiblePhysician' | 'duty' | 'safety'), string]> = [
  ['name', '医療機関名'],
  ['address', '所在地'],
  ['department', '実施診療科'],
  ['responsiblePhysician', '実施責任医師'],
  ['duty', '当直体制（診療科名・人数）'],
  ['safety', '医療安全対策（責任者・委員会の開催頻度等）'],
];

function emptySite(projectId: string): Site {
  const t = new Date().toISOString();
  return { id: crypto.randomUUID(), projectId, role: '協力医療機関', name: '', address: '', officers: [], beds: [], department: '', responsiblePhysician: '', duty: '', safety: '', note: '', rev: 0, createdAt: t, updatedAt: t };
}

/**
 * 実施医療機関 (issue 11): the 調整・協力医療機関 and 委託側・受託側 of a project, each entered once with
 * its own facts; 様式第2号 prints them, and a 協力医療機関's copy of 様式第9号 is checked against the
 * 申請医療機関's (R-ID-7). The 申請医療機関 itself is 設定 (or the project's own filer).
 */
export function SitesPage({ projectId }: { readonly projectId: string }) {
  const { repos } = useApp();
  // Said after the page reloads what it registered (the editor is mounted again with the new sites).
  const [registered, setRegistered] = useState<string>();
  const loaded = useLoad(async () => {
    const [project, list, mine, form2] = await Promise.all([repos.getProject(projectId), repos.sites.list(projectId), repos.getFormAnswers(projectId, yoshiki9), repos.getFormAnswers(projectId, yoshiki2)]);
    const copies = new Map(await Promise.all(list.sites.map(async (x) => [x.id, await repos.sites.getAnswers(x.id, yoshiki9).catch(() => undefined)] as const)));
    return { project, sites: list.sites, unreadable: list.unreadable, mine, copies, form2 };
  }, [projectId]);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  const { project, sites, unreadable, mine, copies, form2 } = loaded.value;
  return (
    <div className="page-narrow">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › 実施医療機関
      </nav>
      {unreadable > 0 && <p className="notice notice-error">読み取れない医療機関の記録が{unreadable}件あります（削除はしていません）。</p>}
      <SitesEditor
        projectId={project.id}
        initial={sites}
        mine={mine}
        copies={copies}
        form2={form2}
        onCopied={loaded.reload}
        onRegistered={(text) => {
          setRegistered(text);
          loaded.reload();
        }}
      />
      <Notice notice={registered === undefined ? undefined : { kind: 'ok', text: registered }} />
    </div>
  );
}

function SitesEditor(props: {
  readonly projectId: string;
  readonly initial: readonly Site[];
  readonly mine: Readonly<Record<string, unknown>>;
  readonly copies: ReadonlyMap<string, Readonly<Record<string, unknown>> | undefined>;
  /** 様式第2号's answers: its typed 調整・協力医療機関 rows can be registered here (issue 15). */
  readonly form2: Yoshiki2;
  readonly onCopied: () => void;
  readonly onRegistered: (text: string) => void;
}) {
  const { repos } = useApp();
  const { projectId } = props;
  const journal = useMemo(() => localJournal(`sites:${projectId}`, formSchema), [projectId]);
  const stored = useMemo(() => ({ sites: [...props.initial] }), [props.initial]);
  const save = useCallback(
    async (v: SitesForm, editedAt: string) => {
      await repos.sites.saveAll(projectId, v.sites, editedAt);
      // Sites carried from an earlier project are confirmed by editing them (issue 19).
      await repos.carry.confirm(projectId, [SITES_FLAG]);
    },
    [repos, projectId],
  );
  // A journal entry older than the newest stored site is stale: never replayed over newer data.
  const savedAt = useMemo(() => props.initial.reduce<string | undefined>((m, x) => (m === undefined || x.updatedAt > m ? x.updatedAt : m), undefined), [props.initial]);
  const { form, autosave, formProps } = useAutosavedForm({ stored, savedAt, journal, save });
  const { register, control, getValues } = form;
  const sites = useFieldArray({ control, name: 'sites', keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const copyYoshiki9 = async (index: number): Promise<void> => {
    const site = getValues(`sites.${index}`);
    try {
      await autosave.flush();
      await repos.sites.saveAnswers(projectId, site.id, yoshiki9, yoshiki9.answers.parse(props.mine));
      setNotice({ kind: 'ok', text: `「${site.name || '名称未入力'}」に申請医療機関の様式第9号を写しました。` });
      props.onCopied();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : '写せませんでした。' });
    }
  };

  const typedRows = sitesFromTypedRows(props.form2.sites, props.initial, { projectId, newId: () => 'count', now: '' }).added.length;
  /**
   * 「様式第2号の表から登録」: the typed 調整・協力医療機関 rows become sites (one fact, one place), then
   * leave the table. Sites are saved first; the rows are removed only once they are, so nothing is lost.
   */
  const registerTyped = async (): Promise<void> => {
    try {
      await autosave.flush();
      const current = getValues('sites');
      const t = new Date().toISOString();
      const r = sitesFromTypedRows(props.form2.sites, current, { projectId, newId: () => crypto.randomUUID(), now: t });
      if (r.added.length === 0) return;
      await repos.sites.saveAll(projectId, [...current, ...r.added], t);
      await repos.saveFormAnswers(projectId, yoshiki2, { ...props.form2, sites: r.remaining });
      const kept = r.kept.length > 0 ? `「${r.kept.join('」「')}」は同じ名称の医療機関が登録済みなどのため、表に残しました。` : '';
      props.onRegistered(`様式第2号の表から${r.added.length}件の医療機関を登録しました（${r.added.map((x) => x.name).join('、')}）。${kept}`);
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : '登録できませんでした。様式第2号の表はそのまま残っています。' });
    }
  };

  return (
    <>
      <div className="editor-head">
        <h1>実施医療機関</h1>
        <SaveStatus autosave={autosave} />
      </div>
      <p className="lead">
        調整医療機関・協力医療機関（委託の場合は委託側・受託側）を一度だけ登録します。様式第2号の実施医療機関の表に申請医療機関に続けて印刷され、協力医療機関の様式第9号が申請医療機関のものと同じかを点検します（R-ID-7）。申請医療機関は「設定 › 医療機関情報」（または案件の届出医療機関）です。
      </p>
      {typedRows > 0 && (
        <div className="card" data-testid="typed-sites">
          <p>様式第2号の実施医療機関の表に、手入力の調整・協力医療機関が{typedRows}件あります。ここに登録すると、様式第2号にも協力医療機関の届出にも同じ値が使われます。</p>
          <button type="button" className="btn" onClick={() => void registerTyped()}>
            様式第2号の表から登録
          </button>
        </div>
      )}
      <form className="form" {...formProps}>
        {sites.fields.map((f, i) => (
          <fieldset key={f.key} className="card group">
            <legend>実施医療機関 {i + 1}</legend>
            <label className="field-label" htmlFor={`site-role-${i}`}>区分</label>
            <select id={`site-role-${i}`} className="input" aria-label={`区分（${i + 1}件目）`} {...register(`sites.${i}.role`)}>
              {SITE_ROLES.filter((r) => r !== '申請医療機関').map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            {TEXT_FIELDS.map(([k, label]) => (
              <div key={k} className="field">
                <label className="field-label" htmlFor={`site-${k}-${i}`}>{label}</label>
                <input id={`site-${k}-${i}`} className="input" aria-label={`${label}（${i + 1}件目）`} autoComplete="off" {...register(`sites.${i}.${k}`)} />
              </div>
            ))}
            <DatedRows control={control} register={register} index={i} list="officers" />
            <DatedRows control={control} register={register} index={i} list="beds" />
            <CopyStatus control={control} index={i} site={f} mine={props.mine} copy={props.copies.get(f.id)} onCopy={() => void copyYoshiki9(i)} />
            <RemoveRowButton label={`${i + 1}件目の医療機関を削除`} text="この医療機関を削除" onRemove={() => sites.remove(i)} focusAfter={addRef} />
          </fieldset>
        ))}
        <button ref={addRef} type="button" className="btn" onClick={() => sites.append(emptySite(projectId))}>
          医療機関を追加
        </button>
      </form>
      <Notice notice={notice} />
    </>
  );
}

/** 開設者・管理者 with the day each took office, or 病床数 as of a day: a value that changes over time. */
function DatedRows({ control, register, index, list }: { readonly control: Control<SitesForm>; readonly register: UseFormRegister<SitesForm>; readonly index: number; readonly list: 'officers' | 'beds' }) {
  const rows = useFieldArray({ control, name: `sites.${index}.${list}`, keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  const n = index + 1;
  const title = list === 'officers' ? '開設者・管理者（就任日つき）' : '病床数（時点つき）';
  return (
    <div className="field">
      <p className="field-label">{title}</p>
      {rows.fields.map((r, j) => (
        <div key={r.key} className="inline-form">
          {list === 'officers' ? (
            <>
              <select className="input" aria-label={`役職（${n}件目の${j + 1}行目）`} {...register(`sites.${index}.officers.${j}.role`)}>
                <option value="開設者">開設者</option>
                <option value="管理者">管理者</option>
              </select>
              <input className="input" aria-label={`氏名（${n}件目の${j + 1}行目）`} autoComplete="off" {...register(`sites.${index}.officers.${j}.name`)} />
              <DateInput aria-label={`就任日（${n}件目の${j + 1}行目）`} {...register(`sites.${index}.officers.${j}.validFrom`)} />
            </>
          ) : (
            <>
              <input className="input" aria-label={`病床数（${n}件目の${j + 1}行目）`} autoComplete="off" {...register(`sites.${index}.beds.${j}.value`)} />
              <DateInput aria-label={`時点（${n}件目の${j + 1}行目）`} {...register(`sites.${index}.beds.${j}.validFrom`)} />
            </>
          )}
          <RemoveRowButton label={`${title}の${j + 1}行目を削除（${n}件目）`} onRemove={() => rows.remove(j)} focusAfter={addRef} />
        </div>
      ))}
      <button
        ref={addRef}
        type="button"
        className="btn btn-small"
        onClick={() => (list === 'officers' ? rows.append({ id: crypto.randomUUID(), role: '開設者', name: '', validFrom: '' }) : rows.append({ id: crypto.randomUUID(), value: '', validFrom: '' }))}
      >
        {list === 'officers' ? `開設者・管理者を追加（${n}件目）` : `病床数を追加（${n}件目）`}
      </button>
    </div>
  );
}

/** For a 協力医療機関: whether its 様式第9号 is the 申請医療機関's (R-ID-7), and a way to copy it. */
function CopyStatus(props: { readonly control: Control<SitesForm>; readonly index: number; readonly site: Site; readonly mine: Readonly<Record<string, unknown>>; readonly copy: Readonly<Record<string, unknown>> | undefined; readonly onCopy: () => void }) {
  const { site, mine, copy, onCopy } = props;
  const role = useWatch({ control: props.control, name: `sites.${props.index}.role` });
  if (role !== '協力医療機関') return null;
  const diff = copy ? differingFields(mine, copy) : [];
  const text = !copy ? '様式第9号の写しはまだありません。' : diff.length === 0 ? '様式第9号：申請医療機関のものと同一です。' : `様式第9号：申請医療機関のものと${diff.length}か所違います（${diff.slice(0, 3).map((d) => `「${d.label}」`).join('')}）。`;
  return (
    <div className="field">
      <p className={copy && diff.length > 0 ? 'notice notice-error' : 'muted'} data-testid={`yoshiki9-copy-${site.id}`}>
        {text}
      </p>
      <button type="button" className="btn btn-small" onClick={onCopy}>
        申請医療機関の様式第9号を写す
      </button>
    </div>
  );
}
