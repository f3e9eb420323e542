import { Link } from 'wouter';
import { todayIn } from '../../../shared/dates/iso-date';
import { consultationStatusText, consultationValidity } from '../../../shared/forms/jizen-soudan/checks';
import { formMeta } from '../../../shared/forms/jizen-soudan/schema';
import { FORMS, formKey } from '../../../shared/forms/registry';
import { completeness, filledFrom } from '../../forms/form-sources';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { TechnologyFacts } from './TechnologyFacts';
import { ProjectFileCard } from './ProjectFileCard';
import { FilingsCard } from '../filings/FilingsCard';

/** One project: its technology and the state of each document (for now the 事前相談). */
export function ProjectPage({ projectId }: { readonly projectId: string }) {
  const { repos } = useApp();
  const loaded = useLoad(
    async () => ({
      project: await repos.getProject(projectId),
      consultation: await repos.getConsultation(projectId),
      roster: await repos.getRoster(),
      answers: await Promise.all(FORMS.map((f) => repos.getFormAnswers(projectId, f))),
    }),
    [projectId],
  );
  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  const { project, consultation, answers, roster } = loaded.value;
  const validity = consultationValidity(consultation.heldOn, todayIn('Asia/Tokyo'));
  const slotsFilled = consultation.slots.filter((s) => s.date !== '').length;

  return (
    <div className="page-narrow">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › {project.name || '無題の案件'}
      </nav>
      <h1>{project.name || '無題の案件'}</h1>
      <p className="lead">医療技術名：{project.technologyName || '未入力（事前相談申込書で入力します）'}</p>

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
        <p className="muted">先進医療{project.category}として、記載が必要な項目の入力状況を表示しています。</p>
        <ul className="form-list">
          {FORMS.map((f, i) => {
            const { required, filled } = completeness(f, answers[i] ?? {}, project.category);
            const source = filledFrom(f, project.id);
            return (
              <li key={f.id} className="form-item">
                <Link href={`/projects/${project.id}/forms/${formKey(f)}`}>
                  {f.besshi} {f.number} {f.title}
                </Link>
                {f.estimatedLayout && <span className="badge">推定様式</span>}
                {source ? (
                  <span className="completeness completeness-none" data-testid={`source-${formKey(f)}`}>
                    <Link href={source.href}>{source.screen}</Link>から作成
                  </span>
                ) : required === 0 ? (
                  <span className="completeness completeness-none">必須項目なし</span>
                ) : (
                  <span className={filled === required ? 'completeness done' : 'completeness'} data-testid={`completeness-${formKey(f)}`}>
                    必須 {filled}/{required} 項目
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
