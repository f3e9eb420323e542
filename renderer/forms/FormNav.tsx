import { Link } from 'wouter';
import type { Category } from '../../shared/forms/field';
import { FORMS, formKey } from '../../shared/forms/registry';
import { completeness, filledFrom } from './form-sources';

/**
 * The package's forms as a tree (別紙 › 様式), each with its required-item completeness, beside the
 * form being edited: moving between forms never needs the project page.
 */
export function FormNav(props: {
  readonly projectId: string;
  readonly currentId: string;
  readonly category: Category;
  /** Answers per form id (the current form's are the live, committed values). */
  readonly answersOf: (formId: string) => Readonly<Record<string, unknown>>;
}) {
  const groups = [...new Set(FORMS.map((f) => f.besshi))];
  return (
    <nav className="form-nav" aria-label="様式の一覧">
      <p className="form-nav-title">様式の一覧（先進医療{props.category}）</p>
      <ul>
        {groups.map((besshi) => (
          <li key={besshi}>
            <span className="form-nav-group">{besshi}</span>
            <ul aria-label={besshi}>
              {FORMS.filter((f) => f.besshi === besshi).map((f) => {
                const { required, filled } = completeness(f, props.answersOf(f.id), props.category);
                const source = filledFrom(f, props.projectId);
                const current = f.id === props.currentId;
                return (
                  <li key={f.id}>
                    <Link href={`/projects/${props.projectId}/forms/${formKey(f)}`} className={current ? 'form-nav-link current' : 'form-nav-link'} aria-current={current ? 'page' : undefined}>
                      <span>{f.number}</span>
                      {source ? (
                        <NavNote visible="費用から" spoken={`${source.screen}から作成`} />
                      ) : required === 0 ? (
                        <NavNote visible="任意" spoken="必須項目なし" />
                      ) : (
                        <span className={filled === required ? 'completeness done' : 'completeness'}>
                          <span aria-hidden="true">
                            {filled}/{required}
                          </span>
                          <span className="visually-hidden">{`必須${required}項目中${filled}項目入力済み`}</span>
                        </span>
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <Link href={`/projects/${props.projectId}/check`} className="btn btn-small form-nav-check">
        チェック結果
      </Link>
      <Link href={`/projects/${props.projectId}/package`} className="btn btn-small">
        書類一式の出力
      </Link>
    </nav>
  );
}

/** A short note in the narrow tree, read out in full. */
function NavNote({ visible, spoken }: { readonly visible: string; readonly spoken: string }) {
  return (
    <span className="completeness completeness-none">
      <span aria-hidden="true">{visible}</span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}
