import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { templateSetOn } from '../../../shared/filings/template-sets';
import type { FormDefinition } from '../../../shared/forms/definition';
import { missingRequired } from '../../../shared/forms/field';
import { packageForms } from '../../../shared/forms/package-document';
import type { PackageId } from '../../../shared/forms/packages';
import { FORMS, formKey } from '../../../shared/forms/registry';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { FontStatus } from '../../components/FontStatus';
import { Notice } from '../../components/Notice';
import { useFonts } from '../../fonts/use-fonts';
import { safeFileName } from '../../platform/platform';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCheckSession, useFindings } from '../check/use-check';
import { glyphCoverage } from '../../../shared/rules/catalog/preflight';
import { ExportErrors } from '../check/ExportErrors';
import { FILING_COPY_LABEL, type Filing, type FilingCopy } from '../../../shared/filings/filing';
import { filingPackage } from '../../../shared/filings/resolve';
import { AttachmentsPanel } from '../filings/AttachmentsPanel';
import { EXPORT_FAILED, exportPackageOffThread, stepLabel, warmExportWorker, type ExportProgress, type PackageAction } from './package-export';

type Action = PackageAction;

/** The 作成中 届出 filing (新規届出, 協力医療機関, 委託) of the project that prints `pkgId`, if any: its attachments and copy choice. */
function draftFilingOf(filings: readonly Filing[], pkgId: PackageId, category: 'A' | 'B'): Filing | undefined {
  return filings.find((f) => f.status === 'draft' && f.siteId === undefined && (f.kind === 'new' || f.kind === 'cooperating' || f.kind === 'outsourcing') && filingPackage(f, category) === pkgId);
}

/** 書類一式の出力: choose the package, get its forms in order as one PDF, Word files, or a ZIP. */
export function PackagePage({ projectId }: { readonly projectId: string }) {
  const { repos, platform } = useApp();
  const loaded = useLoad(async () => {
    const [project, cost, profile, masters, answers, sites, filings] = await Promise.all([
      repos.getProject(projectId),
      repos.getCostModel(projectId),
      repos.getInstitution(),
      repos.getMasters(),
      Promise.all(FORMS.map(async (f) => [f.id, await repos.getFormAnswers(projectId, f)] as const)),
      repos.sites.list(projectId),
      repos.filings.list(projectId),
    ]);
    return { project, cost, profile, masters, answers: new Map<string, Readonly<Record<string, unknown>>>(answers), sites: sites.sites, filings: filings.filings };
  }, [projectId]);
  const fontLoad = useFonts();
  const [pkgId, setPkgId] = useState<PackageId>('new-b');
  // Filings edited here (attachments, copy) since the page loaded, by id.
  const [edited, setEdited] = useState<ReadonlyMap<string, Filing>>(new Map());
  // The copy chosen while no 作成中 filing prints this package (not remembered).
  const [looseCopy, setLooseCopy] = useState<{ copy: FilingCopy; pageNumbers: boolean }>({ copy: 'draft', pageNumbers: false });
  const [copyError, setCopyError] = useState<string>();
  /** The choice is stored on the filing: said once the write has finished (closing the window before it would lose it). */
  const [copySaved, setCopySaved] = useState(false);
  const [busy, setBusy] = useState<Action>();
  const [progress, setProgress] = useState<ExportProgress>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  // A final (not 案) package with errors still open is saved only after the user confirms (issue 5).
  const check = useCheckSession(projectId);
  const loadedFonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;
  const glyphs = useMemo(() => (loadedFonts ? glyphCoverage(loadedFonts.metrics) : undefined), [loadedFonts]);
  // The export Worker starts and parses the fonts while the page is read: the first export waits for neither.
  useEffect(() => {
    if (loadedFonts) void warmExportWorker(loadedFonts.bytes);
  }, [loadedFonts]);
  const findings = useFindings(check, { packageId: pkgId, glyphs });
  const errors = findings?.filter((f) => f.severity === 'error') ?? [];
  const [confirming, setConfirming] = useState<Action>();

  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  const { project, cost, profile, masters, answers, sites, filings } = loaded.value;
  // The packages of the template set in force on the 届出日, so 提出先 is what a filing prints.
  const today = todayIn('Asia/Tokyo');
  const packages = templateSetOn(project.filingDate || toIsoDate(today)).packages;
  const pkg = packages.find((p) => p.id === pkgId) ?? packages[0];
  if (!pkg) return <p className="error-box" role="alert">様式のセットが見つかりません。</p>;
  const forms = packageForms(pkg);
  const stored = draftFilingOf(filings, pkg.id, project.category);
  const filing = stored ? (edited.get(stored.id) ?? stored) : undefined;
  const copy: FilingCopy = filing ? (filing.copy ?? 'draft') : looseCopy.copy;
  const pageNumbers = copy === 'submission' && (filing ? filing.pageNumbers === true : looseCopy.pageNumbers);
  const draft = copy === 'draft';
  const onFilingChanged = (f: Filing): void => setEdited((m) => new Map(m).set(f.id, f));
  const chooseCopy = async (next: FilingCopy, numbers: boolean): Promise<void> => {
    setCopyError(undefined);
    setCopySaved(false);
    if (!filing) return setLooseCopy({ copy: next, pageNumbers: numbers });
    // Shown at once (the control follows the click); put back if the filing could not be saved.
    onFilingChanged({ ...filing, copy: next, pageNumbers: numbers });
    try {
      onFilingChanged(await repos.filings.attachments.setCopy(filing.id, next, numbers));
      setCopySaved(true);
    } catch (e) {
      onFilingChanged(filing);
      setCopyError(e instanceof Error ? e.message : '保存できませんでした。もう一度お試しください。');
    }
  };
  const answersOf = (f: FormDefinition) => answers.get(f.id) ?? f.empty();
  const missing = forms.map((f) => missingRequired(f.answers, answersOf(f), project.category).length);
  const base = `${project.technologyName.trim() || project.name}_${pkg.label}${draft ? '_案' : ''}`;

  const run = async (action: Action): Promise<void> => {
    if (fontLoad.state.status !== 'ready') return;
    const fonts = fontLoad.state.fonts;
    performance.mark('senshin:export-start');
    setBusy(action);
    setProgress(undefined);
    setNotice(undefined);
    try {
      // Laid out and written in a Web Worker (package-export.ts): the page stays responsive and shows each step.
      const result = await exportPackageOffThread(
        {
          action,
          packageId: pkg.id,
          baseName: base,
          copy,
          pageNumbers,
          today,
          project,
          institution: profile,
          masters,
          cost,
          sites,
          answers: Object.fromEntries(answers),
          ...(filing ? { filing: { id: filing.id, projectId: filing.projectId, ...(filing.attachments ? { attachments: filing.attachments } : {}) } } : {}),
          attachmentFiles: filing ? await repos.filings.attachments.files(filing) : [],
          fonts: fonts.bytes,
        },
        { onProgress: setProgress },
      );
      if (!result.ok) return setNotice({ kind: 'error', text: result.message });
      // Done once the file is handed over (the download starts, or the save dialog opens): the dialog's wait is the user's.
      const saving = platform.saveFile(safeFileName(base, action), action, result.bytes);
      performance.mark('senshin:export-done');
      const saved = await saving;
      if (saved.status === 'saved') setNotice({ kind: 'ok', text: `保存しました：${saved.fileName}（A4 ${result.pages}ページ${result.attachedPages > 0 ? `、添付書類 ${result.attachedPages}ページ` : ''}）` });
      else if (saved.status === 'failed') setNotice({ kind: 'error', text: `保存できませんでした：${saved.message}` });
    } catch {
      setNotice({ kind: 'error', text: EXPORT_FAILED });
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };
  const request = (action: Action): void => {
    if (!draft && errors.length > 0) setConfirming(action);
    else void run(action);
  };
  // Until the check has run, a final package cannot be saved: its errors are not known yet.
  const disabled = busy !== undefined || fontLoad.state.status !== 'ready' || (!draft && findings === undefined && check.loadError === undefined);

  return (
    <div className="page-narrow">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › <Link href={`/projects/${project.id}`}>{project.name || '無題の案件'}</Link> › 書類一式の出力
      </nav>
      <h1>書類一式の出力</h1>
      <fieldset className="group">
        <legend>届出の種類</legend>
        <div className="radios radios-column">
          {packages.map((p) => (
            <label key={p.id} className="radio">
              <input type="radio" name="package" value={p.id} checked={p.id === pkgId} onChange={() => setPkgId(p.id)} /> {p.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p>
        提出先：{pkg.addressee}　部数：{pkg.copies ?? '厚生労働省の最新の案内で確認してください'}
      </p>
      {pkg.note && <p className="muted">{pkg.note}</p>}
      {pkg.attachments && pkg.attachments.length > 0 && (
        <p className="muted">あわせて提出する書類：{pkg.attachments.join('、')}（下の「添付書類」でPDFを添付すると一式のPDFに綴じます）</p>
      )}
      <fieldset className="group">
        <legend>書類の種類</legend>
        <div className="radios radios-column">
          {(['draft', 'submission'] as const).map((c) => (
            <label key={c} className="radio">
              <input type="radio" name="copy" value={c} checked={copy === c} onChange={() => void chooseCopy(c, pageNumbers)} /> {FILING_COPY_LABEL[c]}
              {c === 'draft' ? '（「案」と「推定様式」の印を入れる。事前相談・確認用）' : '（「案」「推定様式」の印や注記を入れない。提出する一式）'}
            </label>
          ))}
          <label className="radio">
            <input type="checkbox" checked={pageNumbers} disabled={copy !== 'submission'} onChange={(e) => void chooseCopy('submission', e.target.checked)} /> 通しページ番号を入れる（提出用のみ。添付書類のページも含めて右下に「3 / 41」）
          </label>
        </div>
        <p className="field-help">{filing ? `この選択は「${FILING_COPY_LABEL[copy]}」としてこの届出に保存され、届出・報告の経過から保存するときも同じ種類で作成します。` : 'この届出の種類の作成中の届出がないため、選択は保存されません。'}</p>
        <p className="field-help" role="status">
          {copySaved ? 'この届出に保存しました。' : ''}
        </p>
        {copyError && (
          <p className="msg msg-error" role="alert">
            {copyError}
          </p>
        )}
      </fieldset>
      <ol className="form-list package-list" aria-label="含まれる様式">
        {forms.map((f, i) => (
          <li key={f.id} className="form-item">
            <Link href={`/projects/${project.id}/forms/${formKey(f)}`}>
              {f.besshi} {f.number} {f.title}
            </Link>
            {f.estimatedLayout && <span className="badge">推定様式</span>}
            <span className={missing[i] === 0 ? 'completeness done' : 'completeness'}>{missing[i] === 0 ? '必須項目 入力済み' : `必須項目 未入力 ${missing[i]}`}</span>
          </li>
        ))}
      </ol>
      {filing ? (
        <AttachmentsPanel filing={filing} expected={pkg.attachments ?? []} onChanged={onFilingChanged} />
      ) : (
        <p className="muted">この届出の種類の作成中の届出が「届出・報告の経過」にないため、PDFを添付できません。</p>
      )}
      <div className="export-buttons">
        <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => request('pdf')}>
          {busy === 'pdf' ? '作成中…' : '一式をPDFで保存'}
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => request('docx')}>
          {busy === 'docx' ? '作成中…' : '一式をWordで保存'}
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => request('zip')}>
          {busy === 'zip' ? '作成中…' : 'すべてのファイルをZIPで保存'}
        </button>
      </div>
      {busy && <ExportProgressBar progress={progress} />}
      <FontStatus state={fontLoad.state} onRetry={fontLoad.retry} />
      <Notice notice={notice} />
      <ConfirmDialog
        open={confirming !== undefined}
        title="エラーが残っています"
        confirmLabel="エラーがあるまま保存する"
        danger
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          const action = confirming;
          setConfirming(undefined);
          if (action) void run(action);
        }}
      >
        <ExportErrors projectId={project.id} errors={errors} />
      </ConfirmDialog>
    </div>
  );
}

/** 「書類を作成しています」 with the step (レイアウト → PDF → Word (n/m) → ZIP) while an export runs. */
function ExportProgressBar({ progress }: { readonly progress: ExportProgress | undefined }) {
  const step = stepLabel(progress ?? { step: 'layout', n: 1, m: 1 });
  return (
    <p className="field-help export-progress">
      <label htmlFor="package-export-progress">書類を作成しています：{step}</label>{' '}
      <progress id="package-export-progress" value={progress?.done ?? 0} max={progress?.total ?? 1} aria-valuetext={`${step}（${progress?.done ?? 0}/${progress?.total ?? 1}）`} />
    </p>
  );
}
