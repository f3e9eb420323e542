import { useState } from 'react';
import { Link } from 'wouter';
import { FORMS, formKey } from '../../../shared/forms/registry';
import type { Project } from '../../../shared/model/project';
import { COST_FLAG, SITES_FLAG } from '../../../shared/projects/carry';
import { useApp } from '../../app/context';

/**
 * Where the project came from and what it carried that is still 要確認 (issue 19): the 様式 with
 * carried fields (confirmed in each editor, field by field), and the cost model and sites, confirmed
 * here or by editing them.
 */
export function CarriedCard({ project }: { readonly project: Project }) {
  const { repos } = useApp();
  const [error, setError] = useState<string>();
  // Updated in place from what the confirmation wrote: the page around it (its editors) is not reloaded.
  const [unconfirmed, setUnconfirmed] = useState(project.unconfirmed);
  const { origin } = project;
  if (!origin && unconfirmed.length === 0) return null;
  const forms = FORMS.map((f) => ({ form: f, n: unconfirmed.filter((k) => k.startsWith(`form:${f.id}:`)).length })).filter((x) => x.n > 0);
  const confirm = (flag: string) => {
    setError(undefined);
    repos.carry.confirm(project.id, [flag]).then(
      (written) => setUnconfirmed(written.unconfirmed),
      (e: unknown) => setError(e instanceof Error ? e.message : '保存できませんでした。'),
    );
  };
  return (
    <section className="card" aria-labelledby="carried-title" data-testid="carried">
      <h2 id="carried-title">もとにした案件と要確認の項目</h2>
      {origin && (
        <p>
          この案件は、<Link href={`/projects/${origin.projectId}`}>{origin.projectName || '無題の案件'}</Link>
          {origin.filingLabel ? `の${origin.filingLabel}` : ''}をもとに{origin.at.slice(0, 10)}に作りました。
        </p>
      )}
      {unconfirmed.length === 0 ? (
        <p className="muted">引き継いだ値はすべて確認済みです。</p>
      ) : (
        <>
          <p className="notice notice-error" data-testid="carried-open">
            要確認の項目が{unconfirmed.length}件あります。もとの案件から引き継いだ値です。確かめて「確認済みにする」を押すか、書き直してください。
          </p>
          <ul className="form-list">
            {forms.map(({ form, n }) => (
              <li key={form.id} className="form-item">
                <Link href={`/projects/${project.id}/forms/${formKey(form)}`}>
                  {form.besshi} {form.number} {form.title}
                </Link>
                <span className="badge badge-unconfirmed">要確認 {n}件</span>
              </li>
            ))}
            {unconfirmed.includes(COST_FLAG) && (
              <li className="form-item">
                <Link href={`/projects/${project.id}/cost`}>費用の計算</Link> <span className="badge badge-unconfirmed">要確認</span>{' '}
                <button type="button" className="btn btn-small" onClick={() => confirm(COST_FLAG)}>
                  費用の計算を確認済みにする
                </button>
              </li>
            )}
            {unconfirmed.includes(SITES_FLAG) && (
              <li className="form-item">
                <Link href={`/projects/${project.id}/sites`}>実施医療機関</Link> <span className="badge badge-unconfirmed">要確認</span>{' '}
                <button type="button" className="btn btn-small" onClick={() => confirm(SITES_FLAG)}>
                  実施医療機関を確認済みにする
                </button>
              </li>
            )}
          </ul>
        </>
      )}
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
