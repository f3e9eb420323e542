import { useMemo } from 'react';
import { Link } from 'wouter';
import { toIsoDate, todayIn } from '../../shared/dates/iso-date';
import type { Category } from '../../shared/forms/field';
import { packageForms } from '../../shared/forms/package-document';
import { formKey } from '../../shared/forms/registry';
import type { Finding } from '../../shared/rules/types';
import { formById } from '../../shared/rules/submission';
import { useApp } from '../app/context';
import { useLoad } from '../app/use-load';
import { formNeed, formProgress, packageProgress, progressSpoken, projectPackage, type FormProgress } from './form-sources';
import './form-nav.css';

interface NavProps {
  readonly projectId: string;
  readonly currentId: string;
  readonly category: Category;
  /** Answers per form id (the current form's are the live, committed values). */
  readonly answersOf: (formId: string) => Readonly<Record<string, unknown>>;
  /** The page's check findings of the project (with the current form's committed values); undefined while it runs. */
  readonly findings: readonly Finding[] | undefined;
}

/**
 * The forms of the project's package (別紙 › 様式) — only those, each with why it is needed and where
 * it stands — beside the form being edited: moving between forms never needs the project page.
 * A form counts as done only when its required items are filled and the check finds no error in it.
 */
export function FormNav(props: NavProps) {
  const { repos } = useApp();
  const loaded = useLoad(async () => ({ project: await repos.getProject(props.projectId), filings: (await repos.filings.list(props.projectId)).filings }), [props.projectId]);
  const pkg = useMemo(() => (loaded.status === 'ready' ? projectPackage(loaded.value.filings, loaded.value.project, toIsoDate(todayIn('Asia/Tokyo'))) : undefined), [loaded]);
  if (!pkg) return <nav className="form-nav" aria-label="様式の一覧" aria-busy="true" />;
  const forms = packageForms(pkg);
  const rows = forms.map((f) => ({ form: f, progress: formProgress(f, props.answersOf(f.id), props.category, props.projectId, props.findings), need: formNeed(f, pkg) }));
  const groups = [...new Set(forms.map((f) => f.besshi))];
  const total = packageProgress(rows.map((r) => r.progress));
  const neededFor = rows[0]?.need.neededFor ?? '';
  // A form of another 届出 (opened from the project page's 「含まれない様式」) is said so, not counted.
  const outside = forms.some((f) => f.id === props.currentId) ? undefined : formById(props.currentId);
  return (
    <nav className="form-nav" aria-label="様式の一覧">
      <p className="form-nav-title">{pkg.label}の様式</p>
      <p className="form-nav-why" data-testid="nav-needed-for">
        {neededFor}な{forms.length}様式。入力済み {total.done}/{total.counted}
        {props.findings === undefined && '（点検中）'}
      </p>
      <ul>
        {groups.map((besshi) => (
          <li key={besshi}>
            <span className="form-nav-group">{besshi}</span>
            <ul aria-label={besshi}>
              {rows
                .filter((r) => r.form.besshi === besshi)
                .map(({ form: f, progress, need }) => {
                  const current = f.id === props.currentId;
                  return (
                    <li key={f.id}>
                      <Link href={`/projects/${props.projectId}/forms/${formKey(f)}`} className={current ? 'form-nav-link current' : 'form-nav-link'} aria-current={current ? 'page' : undefined} title={need.long}>
                        <span className="form-nav-number">{f.number}</span>
                        <NavStatus progress={progress} />
                        <span className="form-nav-purpose">{need.short}</span>
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ul>
      {outside && (
        <p className="form-nav-why" data-testid="nav-outside">
          表示中の{outside.besshi} {outside.number}は、{pkg.label}には含まれません。
        </p>
      )}
      <Link href={`/projects/${props.projectId}/check`} className="btn btn-small form-nav-check">
        チェック結果
      </Link>
      <Link href={`/projects/${props.projectId}/package`} className="btn btn-small">
        書類一式の出力
      </Link>
    </nav>
  );
}

/** A short status in the narrow tree, read out in full; green only for a form that is done. */
function NavStatus({ progress: p }: { readonly progress: FormProgress }) {
  const err = p.errors > 0 ? `エラー${p.errors}` : '';
  const visible = p.kind === 'from' ? `${p.screen}から` : p.kind === 'printed' ? `${p.screen}から` : p.kind === 'none' ? '任意' : `${p.filled}/${p.required}`;
  const cls = p.done ? 'completeness done' : p.errors > 0 ? 'completeness has-error' : p.kind === 'count' ? 'completeness' : 'completeness completeness-none';
  return (
    <span className={cls}>
      <span aria-hidden="true">
        {visible}
        {err && <span className="form-nav-error">{err}</span>}
      </span>
      <span className="visually-hidden">{progressSpoken(p)}</span>
    </span>
  );
}
