import { Link } from 'wouter';
import type { Finding } from '../../../shared/rules';

import './check.css';

const SHOWN = 20;

/** The open errors listed in the confirmation before a final (not 案) package is saved (issue 5). */
export function ExportErrors({ projectId, errors }: { readonly projectId: string; readonly errors: readonly Finding[] }) {
  return (
    <>
      <p>
        「案」を入れずに保存しようとしていますが、エラーが{errors.length}件残っています。このまま提出すると、記載の不一致や記載漏れとして照会を受けるおそれがあります。
      </p>
      <ul className="export-errors">
        {errors.slice(0, SHOWN).map((f) => (
          <li key={f.key}>
            <strong>{f.ruleId}</strong> {f.message}
          </li>
        ))}
      </ul>
      {errors.length > SHOWN && <p>ほか{errors.length - SHOWN}件</p>}
      <p>
        <Link href={`/projects/${projectId}/check`}>チェック結果を開いて直す</Link>
      </p>
    </>
  );
}
