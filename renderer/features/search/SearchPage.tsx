import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ProjectSearch, passagesOf } from '../../../shared/search/project-search';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';

/** Results shown at most. */
const SHOWN = 200;

/**
 * 検索 (issue 19 item 3): a phrase across every project's 名称, 適応症, 実施責任医師 and 様式 text — the
 * paragraph written for another technology three years ago. The index is built when the screen
 * opens; results follow the typed words, never mid-IME-composition.
 */
export function SearchPage() {
  const { repos } = useApp();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const loaded = useLoad(async () => ProjectSearch.build(passagesOf(await repos.carry.searchSource()), (done, total) => setProgress({ done, total })), []);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const inputId = useId();
  const search = loaded.status === 'ready' ? loaded.value : undefined;
  // One more than shown: whether there are more than SHOWN.
  const found = useMemo(() => (search ? search.search(query, SHOWN + 1) : []), [search, query]);
  const hits = found.slice(0, SHOWN);
  const projects = new Set(hits.map((h) => h.passage.projectId)).size;

  return (
    <div className="page-narrow">
      <h1>案件をまたいで検索</h1>
      <p className="lead">すべての案件の案件名・先進医療の名称・適応症・実施責任医師と、各様式に書いた文章から探します。全角・半角は区別しません。</p>
      <form className="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            検索する語句
          </label>
          <input
            id={inputId}
            type="search"
            className="input"
            autoComplete="off"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              // Mid-IME-composition the words are not yet written: search once they are.
              if (!(e.nativeEvent as InputEvent).isComposing) setQuery(e.target.value);
            }}
            onCompositionEnd={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      </form>
      {loaded.status === 'loading' && (
        <p className="loading" role="status">
          索引を作成中…{progress && `（${progress.done.toLocaleString('ja-JP')} / ${progress.total.toLocaleString('ja-JP')} 件の文章）`}
        </p>
      )}
      {loaded.status === 'error' && (
        <p className="error-box" role="alert">
          {loaded.message}
        </p>
      )}
      <p role="status" data-testid="search-count">
        {search && query.trim() !== '' && (hits.length === 0 ? '見つかりませんでした。' : found.length > SHOWN ? `${SHOWN}件以上見つかりました。最初の${SHOWN}件（${projects}案件）を表示しています。語句を足すと絞り込めます。` : `${hits.length}件見つかりました（${projects}案件）。`)}
      </p>
      {hits.length > 0 && (
        <ol className="search-hits" aria-label="検索結果">
          {hits.map((h) => (
            <li key={h.passage.id} className="card">
              <p className="search-where">
                <Link href={h.passage.href}>
                  {h.passage.projectName} › {h.passage.where}
                </Link>
              </p>
              <p className="search-snippet">
                {h.before}
                <mark>{h.match}</mark>
                {h.after}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
