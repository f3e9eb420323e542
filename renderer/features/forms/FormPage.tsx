import { useCallback, useId, useMemo, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Link } from 'wouter';
import { costLineCount, type CostModel } from '../../../shared/cost/model';
import { todayIn } from '../../../shared/dates/iso-date';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import type { LaidOutDocument } from '../../../shared/document/layout/types';
import { FORM_MARGINS, type FormDefinition, type SubmissionFacts } from '../../../shared/forms/definition';
import { FORMS, formByKey } from '../../../shared/forms/registry';
import { FormNav } from '../../forms/FormNav';
import { filledFrom } from '../../forms/form-sources';
import { editorAnswers, type MasterList } from '../../../shared/forms/field';
import { addQuick } from '../../forms/master-lists';
import { resolveFacts } from '../../../shared/forms/facts';
import type { InstitutionProfile } from '../../../shared/forms/jizen-soudan/schema';
import type { Site } from '../../../shared/model/site';
import type { Masters } from '../../../shared/model/master';
import type { Project } from '../../../shared/model/project';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { DocumentPreviewPane, type FontLoad } from '../../components/DocumentPreviewPane';
import type { LiveValue } from '../../app/live-value';
import { useDeferredLayout } from '../../components/use-deferred-layout';
import { ExportBar, type ExportableDocument } from '../../components/ExportBar';
import { HistoryPanel } from '../history/HistoryPanel';
import { docKeys } from '../../db/revisions';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal } from '../../db/journal';
import type { LoadedFonts } from '../../fonts/fonts';
import { useFonts } from '../../fonts/use-fonts';
import { SchemaFields, sectionAnchor } from '../../forms/SchemaFields';
import { printedTextOf, sectionHeading, sectionsOf, type FormSectionInfo } from '../../../shared/forms/sections';
import { EstimatedLayoutNote } from './EstimatedLayoutNote';
import { SectionJumpList, SkipToFirstField } from './SectionJumpList';
import { CheckPanel } from '../check/CheckPanel';
import { glyphCoverage } from '../../../shared/rules/catalog/preflight';
import { FINDINGS_DELAY_MS, useCheckSession, useFindings, type CheckSession } from '../check/use-check';
import { useSettled } from '../reports/use-settled';
import { useCarriedFlags } from './use-carried-flags';
import { placeholderValues } from '../../../shared/model/phrase';
import type { PhraseTools } from '../../forms/PhraseButtons';

interface Loaded {
  readonly form: FormDefinition;
  readonly project: Project;
  readonly answers: FieldValues;
  readonly cost: CostModel;
  readonly savedAt: string | undefined;
  readonly profile: InstitutionProfile;
  readonly masters: Masters;
  /** 調整・協力医療機関 … of the project (様式第2号 prints them). */
  readonly sites: readonly Site[];
  /** Keys of stored answers this version of the form does not know: kept in the row, shown (issue 11). */
  readonly unknown: readonly string[];
  /** Stored answers of every form, for the completeness in the form tree. */
  readonly all: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** One 様式 of a project: the editor generated from its schema, beside its live A4 preview. */
export function FormPage({ projectId, formKey }: { readonly projectId: string; readonly formKey: string }) {
  const { repos } = useApp();
  const loaded = useLoad<Loaded>(async () => {
    const form = formByKey(formKey);
    if (!form) throw new Error('この様式はありません。');
    const [project, answers, cost, savedAt, profile, masters, all, sites] = await Promise.all([
      repos.getProject(projectId),
      repos.readFormAnswers(projectId, form),
      repos.getCostModel(projectId),
      repos.formAnswersSavedAt(projectId, form.id),
      repos.getInstitution(),
      repos.getMasters(),
      Promise.all(FORMS.map(async (f) => [f.id, await repos.getFormAnswers(projectId, f).catch(() => ({}))] as const)),
      repos.sites.list(projectId),
    ]);
    return { form, project, answers: editorAnswers(form.answers, answers.answers), unknown: Object.keys(answers.unknown), cost, savedAt, profile, masters, all: new Map(all), sites: sites.sites };
  }, [projectId, formKey]);
  // Above the editor: its 統一しました/元に戻す survives the editor's reload after 「この値に統一」.
  const { reload } = loaded;
  // Only a rewrite of this 様式 reloads its editor (and its undo history).
  const onRewritten = useCallback((docs: readonly string[]) => {
    const id = formByKey(formKey)?.id;
    if (id !== undefined && docs.includes(id)) reload();
  }, [formKey, reload]);
  const check = useCheckSession(projectId, onRewritten, formKey);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  // The saved time is part of the key: after 「この版に戻す」 the editor starts again from the stored version.
  return <Editor key={`${projectId}/${formKey}/${loaded.value.savedAt ?? ''}`} {...loaded.value} onReverted={loaded.reload} check={check} />;
}

function Editor({ form, project, answers, unknown, cost, savedAt, profile, masters: loadedMasters, all, sites, onReverted, check }: Loaded & { readonly onReverted: () => void; readonly check: CheckSession }) {
  const { repos } = useApp();
  const journal = useMemo(() => localJournal(`form:${project.id}:${form.id}`, form.answers), [project.id, form]);
  // Values carried from an earlier project and still 要確認 (issue 19): a saved edit confirms them.
  const carried = useCarriedFlags(project, form.id, answers);
  const { saved: carriedSaved } = carried;
  const save = useCallback(
    async (values: FieldValues, editedAt: string) => {
      await repos.saveFormAnswers(project.id, form, values, editedAt);
      carriedSaved(values);
    },
    [repos, project.id, form, carriedSaved],
  );
  const { form: rhf, committed, live, autosave, formProps } = useAutosavedForm<FieldValues>({ stored: answers, savedAt, journal, save });
  const { register, getValues, control } = rhf;
  const { flush } = autosave;
  const fontLoad = useFonts();
  const fonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;

  // Master data can grow from this screen (「新しく登録」 in a picker): the preview follows at once.
  const [masters, setMasters] = useState(loadedMasters);
  const addMaster = useCallback(
    async (list: MasterList, values: Readonly<Record<string, string>>): Promise<string> => {
      const id = crypto.randomUUID();
      // Read the stored list again, so an entry added elsewhere meanwhile is not overwritten.
      const current = await repos.getMasters();
      const next = addQuick(current, list, values, id);
      if (list === 'people') await repos.saveRoster(next.people);
      else if (list === 'committees') await repos.saveMasterList('committees', [...next.committees]);
      else if (list === 'products') await repos.saveMasterList('products', [...next.products]);
      else await repos.saveMasterList('departments', [...next.departments]);
      setMasters(next);
      return id;
    },
    [repos],
  );
  const facts: SubmissionFacts = useMemo(() => resolveFacts({ project, profile, masters, cost, today: todayIn('Asia/Tokyo'), sites }), [project, profile, masters, cost, sites]);
  const build = useCallback(
    (values: FieldValues, f: LoadedFonts): ExportableDocument => {
      const model = { title: `${form.number} ${form.title}`, margins: FORM_MARGINS, sections: [form.build(facts, values)] };
      return { model, laidOut: layoutDocument(model, f.metrics) };
    },
    [form, facts],
  );
  // Typing never waits for layout (issue 17): the preview follows the live committed values, not
  // the transition that renders the rest of the screen (useAutosavedForm), and is laid out in a task
  // of its own, once per burst of keys, always ending on the latest text (useDeferredLayout).
  const layout = useMemo(() => (fonts ? (values: FieldValues) => build(values, fonts).laidOut : undefined), [fonts, build]);
  // The consistency check follows the committed values (never mid-IME-composition), the rest as
  // stored; it runs after a pause in typing, after the preview (useFindings).
  const glyphs = useMemo(() => (fonts ? glyphCoverage(fonts.metrics) : undefined), [fonts]);
  const findings = useFindings(check, { current: { form, values: committed }, glyphs });
  // The forms' progress beside follows a pause in typing, like the findings it counts: a keystroke
  // does not render the whole list again.
  const navValues = useSettled(committed, FINDINGS_DELAY_MS);
  const answersOf = useCallback((id: string) => (id === form.id ? navValues : (all.get(id) ?? {})), [form.id, navValues, all]);
  const nav = useMemo(() => <FormNav projectId={project.id} currentId={form.id} category={project.category} answersOf={answersOf} findings={findings} />, [project.id, form.id, project.category, answersOf, findings]);
  const noCost = costLineCount(cost) === 0;
  const source = filledFrom(form, project.id);
  const sections = sectionsOf(form.id);
  const anchors = useId();
  // The section focus is in: the preview shows the page where its heading prints (issue 15).
  const [editing, setEditing] = useState<FormSectionInfo | undefined>(undefined);
  const phrases = useMemo(
    (): PhraseTools => ({
      formId: form.id,
      list: () => repos.getMasterList('phrases'),
      values: placeholderValues(facts),
      used: (p) => repos.carry.notePhraseUsed(project.id, p.id),
      save: async (p) => repos.saveMasterList('phrases', [...(await repos.getMasterList('phrases')), p]),
    }),
    [form.id, repos, facts, project.id],
  );

  return (
    <div className="editor-layout with-nav">
      <SkipToFirstField formSelector={`form[data-doc="${form.id}"]`} />
      {nav}
      <section className="editor-pane" aria-labelledby="form-title">
        <nav className="breadcrumb" aria-label="現在位置">
          <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › {form.number}
        </nav>
        <div className="editor-head">
          <h1 id="form-title">
            {form.number} {form.title}
            {form.estimatedLayout && <span className="badge">推定様式</span>}
          </h1>
          <SaveStatus autosave={autosave} />
        </div>
        {form.estimatedLayout && <EstimatedLayoutNote />}
        <ExportBar
          baseName={`${form.number}_${project.technologyName.trim() || project.name}`}
          fonts={fonts}
          beforeExport={flush}
          current={() => (fonts ? { doc: build(structuredClone(getValues()), fonts), fonts } : undefined)}
        />
        {source && (
          <p className="filled-from" data-testid="filled-from">
            この様式の{source.what}は、<Link href={source.href}>{source.screen}</Link>の入力から作成されます。直すときは{source.screen}の画面で入力してください。この画面で書くのは備考だけです。
          </p>
        )}
        <p className="form-lead">
          先進医療の名称・適応症は <Link href={`/projects/${project.id}`}>案件の「技術の基本情報」</Link> の値がすべての様式に入ります（先進医療{project.category}として作成中）。
          {noCost && ' 費用の計算が未入力のため、先進医療にかかる費用は0円と表示されます。'}
        </p>
        {unknown.length > 0 && (
          <p className="notice notice-error" role="status" data-testid="unknown-fields">
            この様式には、このアプリの版では使わない項目が{unknown.length}件保存されています（{unknown.slice(0, 5).join('、')}）。消さずにそのまま残しています。新しい版のアプリで開くと表示されます。
          </p>
        )}
        {carried.flags.size > 0 && (
          <p className="notice notice-error" data-testid="form-unconfirmed">
            要確認の項目が{carried.flags.size}件あります。もとの案件から引き継いだ値です。確かめて「確認済みにする」を押すか、書き直してください。
          </p>
        )}
        {carried.error && (
          <p className="error-box" role="alert">
            {carried.error}
          </p>
        )}
        <CheckPanel session={check} findings={findings} formId={form.id} />
        {sections.length > 1 && <SectionJumpList sections={sections.map((s, i) => ({ id: sectionAnchor(anchors, i), heading: sectionHeading(s), number: s.number, sub: s.sub === true }))} label={`${form.number}の項目`} />}
        {/* Not editable while 「この値に統一」 rewrites stored text: typing then would be saved over it. */}
        <form className="form" data-doc={form.id} inert={check.busy} aria-busy={check.busy} {...formProps}>
          <SchemaFields schema={form.answers} register={register} control={control} category={project.category} values={committed} masters={masters} onAddMaster={addMaster} sections={sections} anchorPrefix={anchors} onSection={setEditing} unconfirmed={carried.flags} onConfirm={carried.confirm} phrases={phrases} />
        </form>
        <HistoryPanel docKey={docKeys.form(project.id, form.id)} title={`${form.number}の保存履歴`} beforeRevert={flush} onReverted={onReverted} />
      </section>
      <FormPreview values={live} layout={layout} fontLoad={fontLoad} label={`${form.number}のプレビュー`} follow={editing && printedTextOf(editing)} />
    </div>
  );
}

/**
 * The A4 preview of the form, laid out off the typing path (useDeferredLayout): when new pages
 * arrive only the preview renders again, not the editor beside it.
 */
function FormPreview({ values, layout, fontLoad, label, follow }: { readonly values: LiveValue<FieldValues>; readonly layout: ((values: FieldValues) => LaidOutDocument) | undefined; readonly fontLoad: FontLoad; readonly label: string; readonly follow: string | undefined }) {
  const doc = useDeferredLayout(values, layout);
  return <DocumentPreviewPane fontLoad={fontLoad} doc={doc} label={label} follow={follow} />;
}
