import { Link } from 'wouter';
import { toIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { consultationStatusText, consultationValidity } from '../../../shared/forms/jizen-soudan/checks';
import { formMeta } from '../../../shared/forms/jizen-soudan/schema';
import { FORMS, formKey } from '../../../shared/forms/registry';
import { packageForms } from '../../../shared/forms/package-document';
import { formNeed, formProgress, packageProgress, projectPackage, type FormProgress } from '../../forms/form-sources';
import { useCheckSession, useFindings } from '../check/use-check';
import '../../forms/form-nav.css';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { TechnologyFacts } from './TechnologyFacts';
import { CarriedCard } from './CarriedCard';
import { ProjectFileCard } from './ProjectFileCard';
import { FilingsCard } from '../filings/FilingsCard';
import { ESTIMATED_LAYOUT_TEXT } from '../forms/EstimatedLayoutNote';

/** One project: its technology and the state of each document (for now the 事前相談). */
export function ProjectPage({ projectId }: { readonly projectId: string }) {
  const { repos } = useApp();
  const loaded = useLoad(
    async () => ({
      project: await repos.getProject(projectId),
      consultation: await repos.getConsultation(projectId),
      roster: await repos.getRoster(),
      answers: new Map(await Promise.all(FORMS.map(async (f) => [f.id, await repos.getFormAnswers(projectId, f)] as const))),
      filings: (await repos.filings.list(projectId)).filings,
    }),
    [projectId],
  );
  // The forms listed are the package of the project's 新規届出, checked as that package (issue 15 item 3).
  const pkg = loaded.status === 'ready' ? projectPackage(loaded.value.filings, loaded.value.project, toIsoDate(todayIn('Asia/Tokyo'))) : undefined;
  const check = useCheckSession(projectId);
  const findings = useFindings(check, pkg ? { packageId: pkg.id } : {});
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  if (loaded.status === 'loading' || !pkg) return <p className="loading">読み込み中…</p>;
  const { project, consultation, answers, roster } = loaded.value;
  const rows = packageForms(pkg).map((f) => ({ form: f, progress: formProgress(f, answers.get(f.id) ?? {}, project.category, project.id, findings), need: formNeed(f, pkg) }));
  const total = packageProgress(rows.map((r) => r.progress));
  const others = FORMS.filter((f) => !pkg.formIds.includes(f.id));
  const validity = consultationValidity(consultation.heldOn, todayIn('Asia/Tokyo'));
  const slotsFilled = consultation.slots.filter((s) => s.date !== '').length;

  return (
    <div className="page-narrow">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › {project.name || '無題の案件'}
      </nav>
      <h1>{project.name || '無題の案件'}</h1>
      <p className="lead">医療技術名：{project.technologyName || '未入力（事前相談申込書で入力します）'}</p>

      <CarriedCard project={project} />

      <FilingsCard projectId={project.id} projectName={project.name || project.technologyName} />

      <section className="card" aria-labelledby="jizen-title">
        <h2 id="jizen-title">{formMeta.title}</h2>
        <p>厚生労働省へFAXする申込書です。相談希望日時は{slotsFilled}件入力済みです。</p>
        {validity ? (
          <p className={validity.expired ? 'validity validity-expired' : 'validity'} data-testid="project-validity">
            {consultationStatusText(validity)}
          </p>
        ) : (
          <p className="muted">事前相談の実施日は未記録です。相談が済んだら申込書の画面で記録すると、有効期限（6か月）を表示します。</p>
        )}
        <Link href={`/projects/${project.id}/jizen-soudan`} className="btn btn-primary">
          事前相談申込書を開く
        </Link>
      </section>

      <ProjectFileCard projectId={project.id} projectName={project.name} />

      <section className="card" aria-labelledby="carry-title">
        <h2 id="carry-title">この案件をもとに新しい案件を作る</h2>
        <p>次の技術の届出に、この案件の様式の記載（医療安全対策・個人情報の保護・モニタリング体制など）、費用の計算、実施医療機関を選んで引き継ぎます。名称・適応症・告示番号・日付・症例数は引き継ぎません。</p>
        <Link href={`/projects/${project.id}/carry`} className="btn">
          この案件をもとに新しい案件を作る
        </Link>
      </section>

      <TechnologyFacts key={project.id} project={project} roster={roster} onSaved={() => undefined} />

      <section className="card" aria-labelledby="sites-title">
        <h2 id="sites-title">実施医療機関</h2>
        <p>調整医療機関・協力医療機関（委託の場合は委託側・受託側）を登録します。様式第2号に印刷され、協力医療機関の様式第9号を点検します。</p>
        <Link href={`/projects/${project.id}/sites`} className="btn">
          実施医療機関を開く
        </Link>
      </section>

      <section className="card" aria-labelledby="cost-title">
        <h2 id="cost-title">費用の計算</h2>
        <p>機器の償却費・人件費・医療材料費などから「先進医療にかかる費用」を計算します。様式第3号(11)・第5号・第6号・第7-1号に同じ金額が入ります。</p>
        <Link href={`/projects/${project.id}/cost`} className="btn">
          費用の計算を開く
        </Link>
      </section>

      <section className="card" aria-labelledby="forms-title">
        <div className="editor-head">
          <h2 id="forms-title">届出書類</h2>
          <div className="export-buttons">
            <Link href={`/projects/${project.id}/check`} className="btn">
              チェック結果
            </Link>
            <Link href={`/projects/${project.id}/package`} className="btn btn-primary">
              書類一式の出力
            </Link>
          </div>
        </div>
        <p className="muted" data-testid="forms-package">
          {pkg.label}の様式です（{rows[0]?.need.neededFor ?? ''}な{rows.length}様式）。必須項目がそろい、チェックでエラーのない様式：{total.done}/{total.counted}
          {findings === undefined && '（点検中）'}
        </p>
        <ul className="form-list" data-testid="package-forms">
          {rows.map(({ form: f, progress, need }) => (
            <li key={f.id} className="form-item">
              <Link href={`/projects/${project.id}/forms/${formKey(f)}`}>
                {f.besshi} {f.number} {f.title}
              </Link>
              {f.estimatedLayout && (
                <span className="badge" aria-describedby="estimated-layout-note">
                  推定様式
                </span>
              )}
              <FormStatus progress={progress} testKey={formKey(f)} />
              <p className="form-item-why">
                {need.neededFor}：{need.long}
              </p>
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          // Reachable, not counted: forms another 届出 files (委託・協力医療機関・施設届出).
          <details className="form-others">
            <summary>この届出に含まれない様式（{others.length}）</summary>
            <ul className="form-list">
              {others.map((f) => (
                <li key={f.id} className="form-item">
                  <Link href={`/projects/${project.id}/forms/${formKey(f)}`}>
                    {f.besshi} {f.number} {f.title}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        )}
        {rows.some((r) => r.form.estimatedLayout) && (
          <p id="estimated-layout-note" className="estimated-note" data-testid="estimated-layout-note">
            {ESTIMATED_LAYOUT_TEXT}
          </p>
        )}
      </section>
    </div>
  );
}

/** Where a form of the list stands: green only when done (required items filled, no error found). */
function FormStatus({ progress: p, testKey }: { readonly progress: FormProgress; readonly testKey: string }) {
  const err = p.errors > 0 ? `・エラー${p.errors}件` : '';
  if (p.kind === 'from' || p.kind === 'printed') {
    return (
      <span className={p.errors > 0 ? 'completeness has-error' : 'completeness completeness-none'} data-testid={`source-${testKey}`}>
        {p.kind === 'printed' && `${p.what}は`}
        <Link href={p.href}>{p.screen}</Link>から作成{err}
      </span>
    );
  }
  if (p.kind === 'none') return <span className={p.errors > 0 ? 'completeness has-error' : 'completeness completeness-none'}>必須項目なし{err}</span>;
  return (
    <span className={p.done ? 'completeness done' : p.errors > 0 ? 'completeness has-error' : 'completeness'} data-testid={`completeness-${testKey}`}>
      必須 {p.filled}/{p.required} 項目{err}
    </span>
  );
}
