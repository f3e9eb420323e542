import { useCallback, useMemo, useRef, useState } from 'react';
import { useFieldArray, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { Link } from 'wouter';
import { changeDocument, diffFilings, type DiffItem } from '../../../shared/changes';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import type { DocumentModel } from '../../../shared/document/model';
import { parseResolved, type ResolvedFiling } from '../../../shared/filings/as-filed';
import { FILING_STATUS_LABEL, filingLabel, type Filing } from '../../../shared/filings/filing';
import { changeDocSchema, type ChangeDoc } from '../../../shared/filings/filing-doc';
import type { MasterList } from '../../../shared/forms/field';
import type { Masters } from '../../../shared/model/master';
import type { Project } from '../../../shared/model/project';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { DateInput, warekiOf } from '../../components/DateInput';
import { PreviewPane } from '../../components/DocumentPreviewPane';
import { Notice } from '../../components/Notice';
import { PagePreview } from '../../components/PagePreview';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal } from '../../db/journal';
import type { LoadedFonts } from '../../fonts/fonts';
import { useFonts } from '../../fonts/use-fonts';
import { MasterSelect } from '../../forms/MasterPicker';
import { addQuick, itemsOf } from '../../forms/master-lists';
import { safeFileName } from '../../platform/platform';
import { docSaver } from '../filings/doc-saver';
import { today } from '../filings/filing-actions';
import { parseIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { changeShintaisho, mergeItems, uncoveredItems } from '../../../shared/changes/change-items';
import { changeItemField } from '../../../shared/rules/filing-docs';
import { CheckPanel } from '../check/CheckPanel';
import { useCheckSession, useFindings } from '../check/use-check';
import './changes.css';

interface Loaded {
  readonly project: Project;
  readonly filing: Filing;
  readonly content: ChangeDoc;
  readonly rev: number;
  readonly frozen: boolean;
  readonly savedAt: string | undefined;
  /** 「新規届出（先進医療B）（令和9年7月1日承認）」 */
  readonly baselineLabel: string;
  readonly baseline: ResolvedFiling;
  readonly working: ResolvedFiling;
  readonly masters: Masters;
}

/** Why the screen cannot compare (no as-filed copy of the baseline, or one this version cannot read). */
class NoBaseline extends Error {}

/** 変更申請 (issue 13): the change document and its 新旧対照表, edited beside their preview. */
export function ChangeFilingPage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  const { repos } = useApp();
  const loaded = useLoad<Loaded>(async () => {
    const [project, filing, doc, records, masters] = await Promise.all([
      repos.getProject(projectId),
      repos.filings.get(filingId),
      repos.filings.getDoc(filingId),
      repos.projectRecords(projectId, { copies: true }),
      repos.getMasters(),
    ]);
    if (filing.kind !== 'change' || doc.content.kind !== 'change') throw new Error('この届出は変更申請ではありません。');
    const content = doc.content;
    const baselineFiling = records.filings.find((f) => f.id === content.baselineFilingId);
    const baselineCopy = records.filedCopies.find((c) => c.filingId === content.baselineFilingId);
    const baseline = baselineCopy ? parseResolved(baselineCopy) : undefined;
    if (!baselineFiling || !baseline) throw new NoBaseline('比較する承認済みの届出の控え（提出時の内容）が見つからないため、変更箇所を比べられません。');
    const approvedOn = [...baselineFiling.events].reverse().find((e) => e.status === 'approved')?.date ?? '';
    const baselineLabel = `${filingLabel(baselineFiling)}${approvedOn ? `（${warekiOf(approvedOn)}承認）` : ''}`;
    // A filed 変更申請 reads as it was sent; a draft is resolved from the working 様式 now (the
    // package it compares is the baseline's). The resolver is loaded on demand (it brings the PDF writer).
    const ownCopy = doc.frozen ? records.filedCopies.find((c) => c.filingId === filingId) : undefined;
    const own = ownCopy ? parseResolved(ownCopy) : undefined;
    const { resolveFiling } = await import('../../../shared/filings/freeze');
    const working = own ?? resolveFiling(records, { ...filing, packageId: baseline.packageId }, today());
    const savedAt = records.filingDocs.find((d) => d.filingId === filingId)?.updatedAt;
    return { project, filing, content, rev: doc.rev, frozen: doc.frozen, savedAt, baselineLabel, baseline, working, masters };
  }, [projectId, filingId]);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  const head = (name: string) => (
    <nav className="breadcrumb" aria-label="現在位置">
      <Link href="/">案件一覧</Link> › <Link href={`/projects/${projectId}`}>{name}</Link> › 変更申請
    </nav>
  );
  if (loaded.status === 'error') {
    return (
      <div className="page-narrow">
        {head('案件')}
        <h1>変更申請</h1>
        <p className="error-box" role="alert">
          {loaded.message}
        </p>
      </div>
    );
  }
  return <ChangeEditor key={`${filingId}/${loaded.value.rev}`} {...loaded.value} head={head(loaded.value.project.name || '無題の案件')} />;
}

type Doc = 'change' | 'shintaisho';
const DOC_NAME: Readonly<Record<Doc, string>> = { change: '変更申請', shintaisho: '新旧対照表' };

function ChangeEditor(props: Loaded & { readonly head: React.ReactNode }) {
  const { repos, platform } = useApp();
  const { filing, baseline, working, frozen, project } = props;
  const journal = useMemo(() => localJournal(`change:${filing.id}`, changeDocSchema), [filing.id]);
  const saver = useMemo(() => docSaver<ChangeDoc>(repos, filing, props.rev), [repos, filing, props.rev]);
  const save = useCallback(
    async (v: ChangeDoc, editedAt: string) => {
      if (!frozen) await saver(v, editedAt);
    },
    [saver, frozen],
  );
  const { form, committed, autosave, formProps } = useAutosavedForm<ChangeDoc>({ stored: props.content, savedAt: props.savedAt, journal, save });
  // R-CH-1 … R-CH-6, R-P-5 on what is typed here (never mid-composition: committed values).
  const check = useCheckSession(project.id);
  const findings = useFindings(check, { currentDoc: { filingId: filing.id, content: committed } });
  const { register, control, getValues, setValue } = form;
  const items = useFieldArray({ control, name: 'items', keyName: 'key' });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const addRef = useRef<HTMLButtonElement>(null);
  const fontLoad = useFonts();
  const fonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;

  const [masters, setMasters] = useState(props.masters);
  const addMaster = useCallback(
    async (list: MasterList, values: Readonly<Record<string, string>>): Promise<string> => {
      const id = crypto.randomUUID();
      const next = addQuick(await repos.getMasters(), list, values, id);
      await repos.saveMasterList('committees', [...next.committees]);
      setMasters(next);
      return id;
    },
    [repos],
  );
  const committees = useMemo(() => itemsOf(masters, 'committees'), [masters]);
  // The working copy prints committees picked here by name: the masters as they are now.
  const workingNow = useMemo<ResolvedFiling>(() => (frozen ? working : { ...working, masters: { ...working.masters, committees: [...masters.committees] } }), [frozen, working, masters]);
  const diff = useMemo<DiffItem[]>(() => diffFilings(baseline, working), [baseline, working]);

  const models = useCallback(
    (doc: ChangeDoc): Record<Doc, DocumentModel> => ({
      change: changeDocument(doc, workingNow, baseline),
      shintaisho: changeShintaisho(doc, workingNow, diff, parseIsoDate(workingNow.filingDate) ?? todayIn('Asia/Tokyo')),
    }),
    [workingNow, baseline, diff],
  );
  const preview = useMemo(() => {
    if (!fonts) return undefined;
    const m = models(committed);
    return { change: layoutDocument(m.change, fonts.metrics), shintaisho: layoutDocument(m.shintaisho, fonts.metrics) };
  }, [fonts, committed, models]);

  const readChanges = (): void => {
    const added = uncoveredItems(getValues('items'), diff, () => crypto.randomUUID());
    added.forEach((item) => items.append(item, { shouldFocus: false }));
    setNotice({
      kind: 'ok',
      text: diff.length === 0 ? '承認済みの届出から変わった箇所はありません。' : added.length === 0 ? '新しい変更箇所はありません（すべて変更内容に含まれています）。' : `変更箇所を${added.length}件追加しました。`,
    });
  };

  const [busy, setBusy] = useState<string>();
  const exportDoc = async (doc: Doc, kind: 'pdf' | 'docx', f: LoadedFonts): Promise<void> => {
    setBusy(`${doc}-${kind}`);
    setNotice(undefined);
    try {
      await autosave.flush();
      const model = models(structuredClone(getValues()))[doc];
      const bytes =
        kind === 'pdf'
          ? await (await import('../../../shared/render/pdf/render-pdf')).renderPdf(layoutDocument(model, f.metrics), f.bytes, { title: model.title })
          : await (await import('../../../shared/render/docx/render-docx')).renderDocx(model, { fonts: f.metrics });
      const result = await platform.saveFile(safeFileName(`${DOC_NAME[doc]}_${project.technologyName.trim() || project.name}`, kind), kind, bytes);
      if (result.status === 'saved') setNotice({ kind: 'ok', text: `${DOC_NAME[doc]}を${kind === 'pdf' ? 'PDF' : 'Word'}で保存しました：${result.fileName}` });
      else if (result.status === 'failed') setNotice({ kind: 'error', text: `保存できませんでした：${result.message}` });
    } catch {
      setNotice({ kind: 'error', text: 'ファイルを作成できませんでした。もう一度お試しください。' });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="editor-layout change-filing">
      <section className="editor-pane" aria-labelledby="change-title">
        {props.head}
        <div className="editor-head">
          <h1 id="change-title">変更申請</h1>
          {!frozen && <SaveStatus autosave={autosave} />}
        </div>
        <p className="change-baseline" data-testid="baseline">
          比較する承認済みの届出：{props.baselineLabel}
        </p>
        {frozen && (
          <p className="notice" role="status">
            この変更申請は「{FILING_STATUS_LABEL[filing.status]}」のため、内容を書き換えられません。{filing.status === 'withdrawn' ? '' : '提出した内容を表示しています。'}
          </p>
        )}
        <div className="export-buttons" role="group" aria-label="出力">
          {(['change', 'shintaisho'] as const).flatMap((doc) =>
            (['pdf', 'docx'] as const).map((kind) => (
              <button key={`${doc}-${kind}`} type="button" className={doc === 'change' && kind === 'pdf' ? 'btn btn-primary' : 'btn'} disabled={!fonts || busy !== undefined} onClick={() => fonts && void exportDoc(doc, kind, fonts)}>
                {busy === `${doc}-${kind}` ? '作成中…' : `${DOC_NAME[doc]}を${kind === 'pdf' ? 'PDF' : 'Word'}で保存`}
              </button>
            )),
          )}
        </div>
        <Notice notice={notice} />
        {!frozen && <CheckPanel session={check} findings={findings} formId={`change/${filing.id}`} place="この変更申請" />}
        <form className="form" {...formProps}>
          <fieldset className="change-fields" disabled={frozen}>
            <section className="card" aria-labelledby="change-items-title" data-field="items">
              <h2 id="change-items-title">【主な変更内容】</h2>
              <p className="lead">「変更箇所を読み込む」で、承認済みの届出と今の様式・費用の違いを項目として加えます。すでにある項目（書き直した文言）はそのまま残ります。</p>
              <button type="button" className="btn" onClick={readChanges}>
                変更箇所を読み込む
              </button>
              {items.fields.length === 0 && <p className="muted">変更内容はまだありません。</p>}
              <ol className="change-items">
                {items.fields.map((f, i) => (
                  <li key={f.key}>
                    <ItemFields
                      index={i}
                      itemId={f.id}
                      count={items.fields.length}
                      register={register}
                      control={control}
                      committees={committees}
                      onAddCommittee={addMaster}
                      onMove={(to) => items.move(i, to)}
                      onCommittee={(v) => setValue(`items.${i}.approval.committeeId`, v, { shouldDirty: true })}
                      onMerge={() => {
                        const all = getValues('items');
                        const prev = all[i - 1];
                        const cur = all[i];
                        if (!prev || !cur) return;
                        items.update(i - 1, mergeItems(prev, cur));
                        items.remove(i);
                      }}
                      onRemove={() => {
                        items.remove(i);
                        addRef.current?.focus();
                      }}
                    />
                  </li>
                ))}
              </ol>
              <button
                ref={addRef}
                type="button"
                className="btn"
                onClick={() => items.append({ id: crypto.randomUUID(), sourceIds: [], text: '', before: '', after: '', reason: '', approval: { committeeId: '', date: '' } })}
              >
                変更内容を手で追加
              </button>
            </section>
            <section className="card" aria-labelledby="change-registration-title" data-field="registration">
              <h2 id="change-registration-title">【現在の登録状況】</h2>
              <div className="field">
                <label className="field-label" htmlFor="change-reg-count">
                  登録症例数
                </label>
                <input id="change-reg-count" className="input" autoComplete="off" placeholder="2症例" {...register('registration.count')} />
              </div>
              <div className="field">
                <label className="field-label" htmlFor="change-reg-asof">
                  登録状況の時点
                </label>
                <DateInput id="change-reg-asof" {...register('registration.asOf')} />
              </div>
            </section>
            <section className="card">
              <div className="field" data-field="summary">
                <label className="field-label" htmlFor="change-summary">
                  【試験の概要】
                </label>
                <p className="field-hint" id="change-summary-hint">
                  空欄のときは様式第5号の「先進医療の概要」を印刷します。
                </p>
                <textarea id="change-summary" className="input" rows={6} aria-describedby="change-summary-hint" {...register('summary')} />
              </div>
            </section>
          </fieldset>
        </form>
      </section>
      <PreviewPane fontLoad={fontLoad}>
        {preview && (
          <>
            <h3 className="change-preview-title">変更申請（A4 {preview.change.pages.length}枚）</h3>
            <PagePreview doc={preview.change} label="変更申請のプレビュー" />
            <h3 className="change-preview-title">新旧対照表（A4 {preview.shintaisho.pages.length}枚）</h3>
            <PagePreview doc={preview.shintaisho} label="新旧対照表のプレビュー" />
          </>
        )}
      </PreviewPane>
    </div>
  );
}

/** One item: wording, ＜変更前＞／＜変更後＞, reason and the committee approval, with its moves. */
function ItemFields(props: {
  readonly index: number;
  /** The item's stable id: where findings on it lead (data-field 'items.<id>.<part>'). */
  readonly itemId: string;
  readonly count: number;
  readonly register: UseFormRegister<ChangeDoc>;
  readonly control: Control<ChangeDoc>;
  readonly committees: ReturnType<typeof itemsOf>;
  readonly onAddCommittee: (list: MasterList, values: Readonly<Record<string, string>>) => Promise<string>;
  readonly onMove: (to: number) => void;
  readonly onCommittee: (id: string) => void;
  readonly onMerge: () => void;
  readonly onRemove: () => void;
}) {
  const { index: i, register, control } = props;
  const n = i + 1;
  const id = (k: string): string => `change-${k}-${i}`;
  const committeeId = useWatch({ control, name: `items.${i}.approval.committeeId` });
  const legend = `変更内容 ${n}`;
  return (
    <fieldset className="change-item" aria-label={legend}>
      <legend>{legend}</legend>
      <div className="row-actions change-item-actions">
        <button type="button" className="btn btn-small" disabled={i === 0} aria-label={`${legend}を上へ移動`} onClick={() => props.onMove(i - 1)}>
          ↑ 上へ
        </button>
        <button type="button" className="btn btn-small" disabled={i === props.count - 1} aria-label={`${legend}を下へ移動`} onClick={() => props.onMove(i + 1)}>
          ↓ 下へ
        </button>
        <button type="button" className="btn btn-small" disabled={i === 0} aria-label={`${legend}を前の項目とまとめる`} onClick={props.onMerge}>
          前の項目とまとめる
        </button>
        <button type="button" className="btn btn-small" aria-label={`${legend}を削除`} onClick={props.onRemove}>
          削除
        </button>
      </div>
      <div className="field" data-field={changeItemField({ id: props.itemId }, 'text')}>
        <label className="field-label" htmlFor={id('text')}>
          【主な変更内容】
        </label>
        <textarea id={id('text')} className="input" rows={2} {...register(`items.${i}.text`)} />
      </div>
      <div className="change-sides">
        <div className="field" data-field={changeItemField({ id: props.itemId }, 'before')}>
          <label className="field-label" htmlFor={id('before')}>
            ＜変更前＞
          </label>
          <textarea id={id('before')} className="input" rows={3} {...register(`items.${i}.before`)} />
        </div>
        <div className="field" data-field={changeItemField({ id: props.itemId }, 'after')}>
          <label className="field-label" htmlFor={id('after')}>
            ＜変更後＞
          </label>
          <textarea id={id('after')} className="input" rows={3} {...register(`items.${i}.after`)} />
        </div>
      </div>
      <div className="field" data-field={changeItemField({ id: props.itemId }, 'reason')}>
        <label className="field-label" htmlFor={id('reason')}>
          【変更申請する理由】
        </label>
        <textarea id={id('reason')} className="input" rows={2} {...register(`items.${i}.reason`)} />
      </div>
      <fieldset className="change-approval" data-field={changeItemField({ id: props.itemId }, 'approval')}>
        <legend>【試験実施計画の変更承認状況】</legend>
        <div className="field">
          <label className="field-label" htmlFor={id('committee')}>
            承認した委員会
          </label>
          <MasterSelect
            id={id('committee')}
            label="承認した委員会"
            list="committees"
            items={props.committees}
            onAdd={props.onAddCommittee}
            describedBy={undefined}
            value={committeeId}
            onChange={props.onCommittee}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('approved')}>
            承認日
          </label>
          <DateInput id={id('approved')} {...register(`items.${i}.approval.date`)} />
        </div>
      </fieldset>
    </fieldset>
  );
}
