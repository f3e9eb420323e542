import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useFieldArray, type Control } from 'react-hook-form';
import { Link } from 'wouter';
import { inquiryResponseDocument, inquiryTitle } from '../../../shared/changes';
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { parseResolved, type ResolvedFiling } from '../../../shared/filings/as-filed';
import { FILING_STATUS_LABEL, filingLabel, type Filing } from '../../../shared/filings/filing';
import { inquiryDocSchema, nextInquiryNumber, type InquiryDoc } from '../../../shared/filings/filing-doc';
import type { MasterList } from '../../../shared/forms/field';
import { toFullWidthDigits } from '../../../shared/dates/wareki';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInput } from '../../components/DateInput';
import { DocumentPreviewPane } from '../../components/DocumentPreviewPane';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal, type Journal } from '../../db/journal';
import { useFonts } from '../../fonts/use-fonts';
import { MasterSelect } from '../../forms/MasterPicker';
import { addQuick, itemsOf } from '../../forms/master-lists';
import { ExportBar } from '../../components/ExportBar';
import { changeChoices, documentsToRevise, inquiryReference, type ChangeChoice } from './change-links';
import './inquiry.css';
import { inquiryAnswerField } from '../../../shared/rules/filing-docs';
import { CheckPanel } from '../check/CheckPanel';
import { useCheckSession, useFindings } from '../check/use-check';
import { docSaver } from '../filings/doc-saver';

const READ_ONLY_JOURNAL: Journal<InquiryDoc> = { write: () => undefined, readNewerThan: () => undefined, clear: () => undefined };

interface Loaded {
  readonly filing: Filing;
  readonly doc: InquiryDoc;
  readonly rev: number;
  readonly frozen: boolean;
  readonly working: ResolvedFiling;
  readonly choices: readonly ChangeChoice[];
}

/**
 * 照会事項に対する回答 (issue 13, spec §3.17): one round's date, responder and items — each 照会 kept
 * as pasted and its 【回答】, numbered for good (「照会回答1－3」 stays what it was when items are added
 * or removed) and optionally linked to items of the project's 変更申請 (R-CH-4) — beside the A4
 * preview of the document that is printed. Saved like every editor (journal, debounce, never
 * mid-IME, a revision check against another window); read-only once the round is 提出済み.
 */
export function InquiryResponsePage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  const { repos } = useApp();
  const loaded = useLoad<Loaded>(async () => {
    const [filing, read, records, list] = await Promise.all([repos.filings.get(filingId), repos.filings.getDoc(filingId), repos.projectRecords(projectId), repos.filings.list(projectId)]);
    if (filing.projectId !== projectId || filing.kind !== 'inquiry-response' || read.content.kind !== 'inquiry-response') throw new Error('この案件の照会事項に対する回答ではありません。');
    // A round 提出済み or later shows what was filed: the as-filed copy's data and document, when it has them.
    const filed = read.frozen ? await repos.filings.copy(filingId) : undefined;
    const asFiled = filed ? parseResolved(filed) : undefined;
    const { resolveFiling } = await import('../../../shared/filings/freeze');
    const working = asFiled ?? resolveFiling(records, filing, toIsoDate(todayIn('Asia/Tokyo')));
    const content = asFiled?.doc?.kind === 'inquiry-response' ? asFiled.doc : read.content;
    const changes = list.filings.filter((f) => f.kind === 'change');
    // A 変更申請 whose document cannot be read offers no items here (its own screen says why).
    const docs = (await Promise.all(changes.map(async (f) => repos.filings.getDoc(f.id).then((d) => [{ filing: f, doc: d.content }], () => [])))).flat();
    return { filing, doc: content, rev: read.rev, frozen: read.frozen, working, choices: changeChoices(docs) };
  }, [projectId, filingId]);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  return <Editor key={filingId} {...loaded.value} />;
}

function Editor({ filing, doc, rev, frozen, working: loadedWorking, choices }: Loaded) {
  const { repos } = useApp();
  const round = filing.round ?? 1;
  const project = loadedWorking.project;
  // A filed round is only read: nothing is replayed over what was filed (an old journal entry stays where it is).
  const journal = useMemo(() => (frozen ? READ_ONLY_JOURNAL : localJournal(`inquiry:${filing.id}`, inquiryDocSchema)), [filing.id, frozen]);
  // Each save names the revision read; after a conflict, 「この画面の内容で上書き」 works (doc-saver.ts).
  const saver = useMemo(() => docSaver<InquiryDoc>(repos, filing, rev), [repos, filing, rev]);
  const save = useCallback(
    async (values: InquiryDoc, editedAt: string) => {
      if (!frozen) await saver(values, editedAt);
    },
    [saver, frozen],
  );
  const { form, committed, autosave, formProps } = useAutosavedForm<InquiryDoc>({ stored: doc, savedAt: undefined, journal, save });
  const { register, control, getValues } = form;
  const items = useFieldArray({ control, name: 'items', keyName: 'key' });
  // R-CH-3, R-CH-4, R-CH-6 on what is typed here (committed values: never mid-composition).
  const check = useCheckSession(project.id);
  const findings = useFindings(check, { currentDoc: { filingId: filing.id, content: committed } });
  const addRef = useRef<HTMLButtonElement>(null);
  const [removing, setRemoving] = useState<number>();
  // After a removal the focus goes to 「照会事項を追加」, once the dialog (a child: its effect runs first) has closed.
  const focusAdd = useRef(false);
  useEffect(() => {
    if (removing !== undefined || !focusAdd.current) return;
    focusAdd.current = false;
    addRef.current?.focus();
  }, [removing]);
  const fontLoad = useFonts();
  const fonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;

  // The 職員名簿 can grow from this screen (「新しく登録」): the preview prints the new person at once.
  const [people, setPeople] = useState(loadedWorking.masters.people);
  const working = useMemo(() => ({ ...loadedWorking, masters: { ...loadedWorking.masters, people } }), [loadedWorking, people]);
  const addPerson = useCallback(
    async (list: MasterList, values: Readonly<Record<string, string>>): Promise<string> => {
      const id = crypto.randomUUID();
      const next = addQuick(await repos.getMasters(), list, values, id);
      await repos.saveRoster(next.people);
      setPeople([...next.people]);
      return id;
    },
    [repos],
  );

  const build = useCallback(
    (values: InquiryDoc, f: NonNullable<typeof fonts>) => {
      const model = inquiryResponseDocument(values, round, working, { today: todayIn('Asia/Tokyo') });
      return { model, laidOut: layoutDocument(model, f.metrics) };
    },
    [round, working],
  );
  const preview = useMemo(() => (fonts ? build(committed, fonts) : undefined), [fonts, committed, build]);
  const title = inquiryTitle(round, committed.variantMember);
  const removingItem = removing === undefined ? undefined : committed.items[removing];

  return (
    <div className="editor-layout inquiry">
      <section className="editor-pane" aria-labelledby="inquiry-title">
        <nav className="breadcrumb" aria-label="現在位置">
          <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › {filingLabel(filing)}
        </nav>
        <div className="editor-head">
          <h1 id="inquiry-title">照会事項に対する回答（第{round}回）</h1>
          {!frozen && <SaveStatus autosave={autosave} />}
        </div>
        <p className="inquiry-title-preview" data-testid="inquiry-title">
          表題：{title}
        </p>
        {frozen && (
          <p className="notice" role="status" data-testid="inquiry-frozen">
            この回答は「{FILING_STATUS_LABEL[filing.status]}」のため、読み取り専用です。{filing.status === 'withdrawn' ? '' : '提出した内容は届出・報告の経過の控えに残っています。'}
          </p>
        )}
        <ExportBar labels={{ pdf: '回答をPDFで保存', docx: '回答をWordで保存' }} print={false} baseName={`${title}_${project.technologyName.trim() || project.name}`} fonts={fonts} beforeExport={autosave.flush} current={() => (fonts ? { doc: build(structuredClone(getValues()), fonts), fonts } : undefined)} />
        {!frozen && <CheckPanel session={check} findings={findings} formId={`inquiry/${filing.id}`} place="この回答" />}
        <form className="form" {...formProps}>
          <fieldset className="inquiry-fields" disabled={frozen}>
            <div className="field">
              <label className="field-label" htmlFor="inquiry-date">日付</label>
              <DateInput id="inquiry-date" {...register('date')} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="inquiry-responder">所属・氏名</label>
              <Controller
                control={control}
                name="responderPersonId"
                render={({ field }) => <MasterSelect id="inquiry-responder" label="所属・氏名" list="people" items={itemsOf(working.masters, 'people')} onAdd={addPerson} describedBy={undefined} value={field.value} onChange={field.onChange} />}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="inquiry-member">事前照会の構成員名</label>
              <input id="inquiry-member" className="input" autoComplete="off" aria-describedby="inquiry-member-help" {...register('variantMember')} />
              <p id="inquiry-member-help" className="help">事前照会への回答のときだけ入力します（例：佐藤）。表題が「先進医療審査の事前照会事項（佐藤構成員）に対する回答{toFullWidthDigits(String(round))}」になります。</p>
            </div>
            <h2>照会事項</h2>
            <p className="help">番号は追加した順に付き、削除しても他の番号は変わりません。別の回答からは「照会回答{toFullWidthDigits(String(round))}－番号」で引用できます。</p>
            <ol className="inquiry-items">
              {items.fields.map((f, i) => {
                const n = f.number;
                const full = toFullWidthDigits(String(n));
                return (
                  <li key={f.key} className="card inquiry-item">
                    <div className="inquiry-item-head">
                      <h3>照会{full}</h3>
                      <span className="inquiry-ref" data-testid={`inquiry-ref-${n}`}>
                        引用：{inquiryReference(round, n)}
                      </span>
                    </div>
                    <label className="field-label" htmlFor={`inquiry-q-${f.key}`}>照会{full}</label>
                    <textarea id={`inquiry-q-${f.key}`} className="input inquiry-text" rows={5} {...register(`items.${i}.inquiry`)} />
                    <div data-field={inquiryAnswerField({ id: f.id })}>
                      <label className="field-label" htmlFor={`inquiry-a-${f.key}`}>【回答】（回答{full}）</label>
                      <textarea id={`inquiry-a-${f.key}`} className="input inquiry-text" rows={6} aria-label={`回答${full}`} {...register(`items.${i}.answer`)} />
                    </div>
                    <ChangeLinks control={control} index={i} number={n} choices={choices} />
                    <button type="button" className="btn btn-small" onClick={() => setRemoving(i)}>
                      照会{full}を削除
                    </button>
                  </li>
                );
              })}
            </ol>
            <button
              ref={addRef}
              type="button"
              className="btn"
              onClick={() => items.append({ id: crypto.randomUUID(), number: nextInquiryNumber(getValues('items')), inquiry: '', answer: '', changeItemIds: [] })}
            >
              照会事項を追加
            </button>
          </fieldset>
        </form>
        <ConfirmDialog
          open={removingItem !== undefined}
          title={`照会${toFullWidthDigits(String(removingItem?.number ?? ''))}を削除しますか`}
          confirmLabel="削除する"
          danger
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => {
            if (removing !== undefined) items.remove(removing);
            focusAdd.current = true;
            setRemoving(undefined);
          }}
        >
          <p>照会と回答の文章が削除されます。他の照会の番号は変わりません。</p>
        </ConfirmDialog>
      </section>
      <DocumentPreviewPane fontLoad={fontLoad} doc={preview?.laidOut} label={`${title}のプレビュー`} />
    </div>
  );
}

/** R-CH-4: the 変更申請 items this answer changed, and the documents to revise that follow from them. */
function ChangeLinks({ control, index, number, choices }: { readonly control: Control<InquiryDoc>; readonly index: number; readonly number: number; readonly choices: readonly ChangeChoice[] }) {
  const full = toFullWidthDigits(String(number));
  return (
    <Controller
      control={control}
      name={`items.${index}.changeItemIds`}
      render={({ field }) => {
        const picked = new Set(field.value);
        const revise = documentsToRevise(choices.filter((c) => picked.has(c.id)));
        return (
          <fieldset className="inquiry-links">
            <legend>関連する変更申請の変更内容（回答{full}・任意）</legend>
            {choices.length === 0 ? (
              <p className="muted">この案件には変更申請の変更内容がまだありません。</p>
            ) : (
              choices.map((c) => (
                <label key={c.id} className="check">
                  <input
                    type="checkbox"
                    checked={picked.has(c.id)}
                    onChange={(e) => field.onChange(e.target.checked ? [...field.value, c.id] : field.value.filter((id) => id !== c.id))}
                  />
                  {c.label}
                </label>
              ))
            )}
            {field.value.some((id) => !choices.some((c) => c.id === id)) && <p className="msg msg-warning">関連付けていた変更内容が変更申請から削除されています。</p>}
            {revise.length > 0 && (
              <p className="inquiry-revise" data-testid={`inquiry-revise-${number}`}>
                関係書類の修正：{revise.join('、')}
              </p>
            )}
          </fieldset>
        );
      }}
    />
  );
}
