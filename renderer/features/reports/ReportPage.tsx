import { useCallback, useMemo, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { parseResolved, type ResolvedFiling } from '../../../shared/filings/as-filed';
import { FILING_STATUS_LABEL, type Filing } from '../../../shared/filings/filing';
import type { MasterList } from '../../../shared/forms/field';
import { ratioLine, reportTotals } from '../../../shared/reports/aggregates';
import { periodicReportDocSchema, type ReportDoc } from '../../../shared/reports/model';
import { fillsEverything, reportDocument, reportLabel, reportPeriodLabel, reportYearText } from '../../../shared/reports/report-document';
import { rollForward, unconfirmedCount } from '../../../shared/reports/roll-forward';
import { layoutDocument } from '../../../shared/document/layout/paginate';
import { z } from 'zod';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { useAutosavedForm } from '../../autosave/use-autosaved-form';
import { DocumentPreviewPane } from '../../components/DocumentPreviewPane';
import { ExportBar } from '../../components/ExportBar';
import { useFonts } from '../../fonts/use-fonts';
import type { LoadedFonts } from '../../fonts/fonts';
import { Notice } from '../../components/Notice';
import { SaveStatus } from '../../components/SaveStatus';
import { localJournal, type Journal } from '../../db/journal';
import { addQuick, itemsOf } from '../../forms/master-lists';
import { CheckPanel } from '../check/CheckPanel';
import { useCheckSession, useFindings } from '../check/use-check';
import { docSaver } from '../filings/doc-saver';
import { CaseImport } from './CaseImport';
import { CaseTable } from './CaseTable';
import { useSettled } from './use-settled';
import { caseToForm, normalizeReport, toForm } from './report-form';
import { CheckField, CountField, DateField, FinalOnly, PersonField, TextField, type ReportForm } from './report-fields';
import './reports.css';

const reportFormSchema = periodicReportDocSchema.extend({ kind: z.enum(['periodic-report', 'final-report']) });

/** The form's values as the document they are. */
function asDoc(v: ReportForm): ReportDoc {
  return v.kind === 'periodic-report' ? { ...v, kind: v.kind } : { ...v, kind: v.kind };
}

const READ_ONLY_JOURNAL: Journal<ReportForm> = { write: () => undefined, readNewerThan: () => undefined, clear: () => undefined };

interface Loaded {
  readonly filing: Filing;
  readonly doc: ReportDoc;
  readonly rev: number;
  readonly frozen: boolean;
  readonly savedAt: string | undefined;
  readonly working: ResolvedFiling;
}

/**
 * 定期報告・総括報告 (issue 14, spec §3.12–3.13): 別紙7 様式第1号 and its 別添 実績報告, edited as
 * typed (autosaved with a journal, never validated mid-IME), the totals beside the table, the
 * チェック結果 of R-R-*, and 「次年度の報告を作成」 (roll-forward). Read-only once 提出済み.
 */
export function ReportPage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  const { repos } = useApp();
  const loaded = useLoad<Loaded>(async () => {
    const [filing, read, records] = await Promise.all([repos.filings.get(filingId), repos.filings.getDoc(filingId), repos.projectRecords(projectId)]);
    if (filing.projectId !== projectId || (filing.kind !== 'periodic-report' && filing.kind !== 'final-report') || read.content.kind !== filing.kind) throw new Error('この案件の定期報告・総括報告ではありません。');
    // A report 提出済み or later shows what was filed: the as-filed copy's document, when it has one.
    const filed = read.frozen ? await repos.filings.copy(filingId) : undefined;
    const asFiled = filed ? parseResolved(filed) : undefined;
    const project = records.projects.find((p) => p.id === projectId);
    const { resolveFiling } = await import('../../../shared/filings/freeze');
    // The report prints the technology's facts as they are now (the 届出 package of its 区分 gives them).
    const working = asFiled ?? resolveFiling(records, { ...filing, packageId: project?.category === 'A' ? 'new-a' : 'new-b' }, toIsoDate(todayIn('Asia/Tokyo')));
    const own = asFiled?.doc;
    const doc = own?.kind === 'periodic-report' || own?.kind === 'final-report' ? own : read.content;
    if (doc.kind !== 'periodic-report' && doc.kind !== 'final-report') throw new Error('この案件の定期報告・総括報告ではありません。');
    const savedAt = records.filingDocs.find((d) => d.filingId === filingId)?.updatedAt;
    return { filing, doc, rev: read.rev, frozen: read.frozen, savedAt, working };
  }, [projectId, filingId]);
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') {
    return (
      <div className="page-narrow">
        <nav className="breadcrumb" aria-label="現在位置">
          <Link href="/">案件一覧</Link> › <Link href={`/projects/${projectId}`}>案件</Link> › 定期・総括報告
        </nav>
        <h1>定期・総括報告</h1>
        <p className="error-box" role="alert">
          {loaded.message}
        </p>
      </div>
    );
  }
  return <ReportEditor key={`${filingId}/${loaded.value.rev}`} {...loaded.value} />;
}

function ReportEditor(props: Loaded) {
  const { repos } = useApp();
  const [, navigate] = useLocation();
  const { filing, frozen } = props;
  const project = props.working.project;
  const stored = useMemo<ReportForm>(() => toForm(props.doc), [props.doc]);
  // A filed report is only read: nothing is replayed over what was filed.
  const journal = useMemo(() => (frozen ? READ_ONLY_JOURNAL : localJournal(`report:${filing.id}`, reportFormSchema)), [filing.id, frozen]);
  const saver = useMemo(() => docSaver<ReportDoc>(repos, filing, props.rev), [repos, filing, props.rev]);
  const save = useCallback(
    async (v: ReportForm, editedAt: string) => {
      if (!frozen) await saver(normalizeReport(asDoc(v)), editedAt);
    },
    [saver, frozen],
  );
  const { form, committed, autosave, formProps } = useAutosavedForm<ReportForm>({ stored, savedAt: props.savedAt, journal, save });
  const { control, getValues, setValue } = form;
  const cases = useFieldArray({ control, name: 'cases', keyName: 'key' });
  // What is checked, totalled and printed: the committed values, read as stored (numbers once they read).
  const doc = useMemo(() => normalizeReport(asDoc(committed)), [committed]);
  const totals = useMemo(() => reportTotals(doc), [doc]);
  // R-R-* on what is typed here; the project-wide check and the A4 pages follow a pause in typing
  // (with 1,000 cases they take longer than a keystroke).
  const deferred = useSettled(doc, doc.cases.length >= 200 ? 800 : 250);
  const check = useCheckSession(project.id);
  const findings = useFindings(check, { currentDoc: { filingId: filing.id, content: deferred } });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const [people, setPeople] = useState(props.working.masters.people);
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
  const personItems = useMemo(() => itemsOf({ ...props.working.masters, people }, 'people'), [props.working.masters, people]);
  // The preview prints a person added from this screen at once (a filed report prints as filed).
  const working = useMemo<ResolvedFiling>(() => (frozen ? props.working : { ...props.working, masters: { ...props.working.masters, people } }), [frozen, props.working, people]);
  const fontLoad = useFonts();
  const fonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;
  const build = useCallback(
    (d: ReportDoc, f: LoadedFonts) => {
      const model = reportDocument(d, working, filing, { today: todayIn('Asia/Tokyo') });
      return { model, laidOut: layoutDocument(model, f.metrics) };
    },
    [working, filing],
  );
  const preview = useMemo(() => (fonts ? build(deferred, fonts) : undefined), [fonts, deferred, build]);

  const flags = new Set(committed.unconfirmed);
  const clearFlag = useCallback(
    (key: string) => {
      const now = getValues('unconfirmed');
      if (now.includes(key)) setValue('unconfirmed', now.filter((k) => k !== key), { shouldDirty: true });
    },
    [getValues, setValue],
  );
  const confirmAll = (): void => {
    setValue('unconfirmed', [], { shouldDirty: true });
    getValues('cases').forEach((c, i) => {
      if (c.unconfirmed.length > 0) setValue(`cases.${i}.unconfirmed`, [], { shouldDirty: true });
    });
  };
  const open = unconfirmedCount(committed);

  const [rolling, setRolling] = useState(false);
  const nextYear = async (): Promise<void> => {
    if (filing.fiscalYear === undefined) return;
    setRolling(true);
    setNotice(undefined);
    try {
      if (!frozen) await autosave.flush();
      const created = await repos.filings.createReportWithDoc(project.id, filing.fiscalYear + 1, rollForward(frozen ? props.doc : normalizeReport(asDoc(getValues()))));
      navigate(`/projects/${project.id}/filings/${created.id}/report`);
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : '次年度の報告を作成できませんでした。' });
    } finally {
      setRolling(false);
    }
  };

  const isFinal = filing.kind === 'final-report';
  const fillsAll = fillsEverything(props.doc.kind, project.category);
  // 「定期報告（令和７年度）」「総括報告」 and 「令和７年度（令和６年７月１日～令和７年６月30日）」, as MHLW writes them.
  const title = reportLabel(filing);
  const period = filing.kind === 'periodic-report' && filing.fiscalYear !== undefined ? reportPeriodLabel(filing.fiscalYear) : undefined;
  const fieldProps = { form, flags, frozen, onEdited: clearFlag };

  return (
    <div className="editor-layout report-editor">
      <section className="editor-pane" aria-labelledby="report-title">
        <nav className="breadcrumb" aria-label="現在位置">
          <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › {title}
        </nav>
        <div className="editor-head">
          <h1 id="report-title">{title}</h1>
          {!frozen && <SaveStatus autosave={autosave} />}
        </div>
        <p className="report-form-name">別紙7 様式第1号 先進医療に係る定期・総括報告書</p>
        {period && (
          <p className="report-period" data-testid="report-period">
            報告期間：{period}
          </p>
        )}
        {frozen && (
          <p className="notice" role="status" data-testid="report-frozen">
            この報告は「{FILING_STATUS_LABEL[filing.status]}」のため、読み取り専用です。{filing.status === 'withdrawn' ? '' : '提出した内容は届出・報告の経過の控えに残っています。'}
          </p>
        )}
        {filing.kind === 'periodic-report' && filing.fiscalYear !== undefined && (
          <div className="report-roll">
            <button type="button" className="btn" disabled={rolling} onClick={() => void nextYear()}>
              次年度の報告を作成
            </button>
            <span className="muted">{reportYearText(filing.fiscalYear + 1)}の定期報告を、この報告から作ります（継続の症例と報告書の記載を引き継ぎ、「要確認」を付けます）。</span>
          </div>
        )}
        <ExportBar
          labels={{ pdf: '報告書をPDFで保存', docx: '報告書をWordで保存' }}
          print={false}
          baseName={`${reportLabel(filing)}_${project.technologyName.trim() || project.name}`}
          fonts={fonts}
          beforeExport={autosave.flush}
          current={() => (fonts ? { doc: build(normalizeReport(asDoc(structuredClone(getValues()))), fonts), fonts } : undefined)}
        />
        <Notice notice={notice} />
        {open > 0 && (
          <div className="notice notice-warning report-unconfirmed" data-testid="report-unconfirmed">
            <p>要確認の項目が{open}件あります。前年度から引き継いだ値です。確かめて「確認済みにする」を押すか、書き直してください。</p>
            {!frozen && (
              <button type="button" className="btn btn-small" onClick={confirmAll}>
                すべて確認済みにする
              </button>
            )}
          </div>
        )}
        {!frozen && <CheckPanel session={check} findings={findings} formId={`report/${filing.id}`} place="この報告" />}
        <form className="form" {...formProps}>
          <fieldset className="report-fields" disabled={frozen}>
            <section className="card" aria-labelledby="report-head-title">
              <h2 id="report-head-title">報告書</h2>
              <DateField name="reportDate" {...fieldProps} />
              <PersonField name="reporterPersonId" items={personItems} onAdd={addPerson} {...fieldProps} />
              <PersonField name="contactPersonId" items={personItems} onAdd={addPerson} {...fieldProps} />
              <TextField name="devices" rows={2} {...fieldProps} />
              <DateField name="approvedOn" {...fieldProps} hint="告示適用年月日" />
              <TextField name="endDate" {...fieldProps} hint={isFinal ? '終了した日' : '定期報告では終了予定日（「保険収載まで」なども可）'} />
              <TextField name="ethics" rows={2} {...fieldProps} hint="人を対象とする生命科学・医学系研究に関する倫理指針、臨床研究法、再生医療等安全性確保法など" />
              <CheckField {...fieldProps} />
              <TextField name="paper" rows={2} {...fieldProps} hint="この医療機関のデータに基づく代表的な原著論文が1報あれば、その書誌事項（なければ空欄）" />
            </section>
            <section className="card" aria-labelledby="report-12-title">
              <h2 id="report-12-title">1. 標題・2. 概要</h2>
              <TextField name="title" {...fieldProps} />
              <h3>2. 概要</h3>
              <TextField name="purpose" rows={4} {...fieldProps} />
              <fieldset className="report-patients">
                <legend>患者数</legend>
                <div className="grid-2">
                  <CountField name="plannedPatients" value={committed.plannedPatients} {...fieldProps} hint="①" />
                  <CountField name="reportedPatients" value={committed.reportedPatients} {...fieldProps} hint="②" />
                </div>
                <p className="report-ratio" data-testid="report-ratio">
                  {ratioLine(totals)}
                </p>
                <CountField name="nationalPatients" value={committed.nationalPatients} {...fieldProps} hint="③" />
                <TextField name="nationalPatientsBasis" rows={2} {...fieldProps} />
                <CountField name="targetPatients" value={committed.targetPatients} {...fieldProps} hint="④" />
                <TextField name="targetPatientsBasis" rows={2} {...fieldProps} />
              </fieldset>
              <TextField name="discussion" rows={5} {...fieldProps} hint={isFinal ? '結論' : '進捗状況と考察'} />
            </section>
            <FinalOnly fillsAll={fillsAll} kindLabel={project.category === 'A' ? '先進医療Aの報告' : '先進医療Bの定期報告'}>
              <fieldset className="report-group">
                <legend>診断及び主要な組入れ基準</legend>
                <TextField name="targetDisease" rows={2} {...fieldProps} />
                <TextField name="inclusionCriteria" rows={3} {...fieldProps} />
                <TextField name="exclusionCriteria" rows={3} {...fieldProps} />
              </fieldset>
              <fieldset className="report-group">
                <legend>評価基準</legend>
                <TextField name="primarySafety" rows={2} {...fieldProps} />
                <TextField name="primaryEfficacy" rows={2} {...fieldProps} />
                <TextField name="secondarySafety" rows={2} {...fieldProps} />
                <TextField name="secondaryEfficacy" rows={2} {...fieldProps} />
              </fieldset>
              <TextField name="results" rows={5} {...fieldProps} />
            </FinalOnly>
            <CaseTable
              form={form}
              cases={cases}
              committed={committed.cases}
              totals={totals}
              frozen={frozen}
              importer={
                frozen ? undefined : (
                  <CaseImport
                    doc={doc}
                    onCommit={(next) => {
                      cases.replace(next.cases.map(caseToForm));
                      setValue('importMapping', next.importMapping, { shouldDirty: true });
                    }}
                    onExportError={(message) => setNotice({ kind: 'error', text: message })}
                  />
                )
              }
            />
            {(committed.cases.length === 0 || committed.zeroReason.trim() !== '' || committed.zeroPolicy.trim() !== '') && (
              <section className="card" aria-labelledby="report-zero-title">
                <h2 id="report-zero-title">０件の報告</h2>
                {committed.cases.length > 0 && <p className="muted">症例があるため、この欄は印刷しません。</p>}
                <TextField name="zeroReason" rows={3} {...fieldProps} />
                <TextField name="zeroPolicy" rows={3} {...fieldProps} />
              </section>
            )}
          </fieldset>
        </form>
      </section>
      <DocumentPreviewPane fontLoad={fontLoad} doc={preview?.laidOut} label={`${title}のプレビュー`} />
    </div>
  );
}
