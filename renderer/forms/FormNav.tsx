import { Link } from 'wouter';
import { fieldsOf, missingRequired, type Category } from '../../shared/forms/field';
import { FORMS, formKey } from '../../shared/forms/registry';

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
                const required = fieldsOf(f.answers).filter((x) => x.meta.required[props.category] === 'req').length;
                const missing = missingRequired(f.answers, props.answersOf(f.id), props.category).length;
                const current = f.id === props.currentId;
                return (
                  <li key={f.id}>
                    <Link href={`/projects/${props.projectId}/forms/${formKey(f)}`} className={current ? 'form-nav-link current' : 'form-nav-link'} aria-current={current ? 'page' : undefined}>
                      <span>{f.number}</span>
                      <span className={missing === 0 ? 'completeness done' : 'completeness'} aria-label={`必須${required}項目中${required - missing}項目入力済み`}>
                        {required - missing}/{required}
                      </span>
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
