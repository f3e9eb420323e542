import { Link } from 'wouter';
import { upcomingDeadlines } from '../../../shared/deadlines/deadlines';
import { DeadlineList } from './DeadlineList';
import { IcsButton } from './IcsButton';
import { useDeadlines } from './use-deadlines';

/**
 * 「期限」 on the start screen (issue 14 item 6): the overdue deadlines of every project, then those of
 * the next 90 days, and a link to all of them. `refreshKey` changes when the list of projects does.
 */
export function DeadlinesSection({ refreshKey = '' }: { readonly refreshKey?: string }) {
  const all = useDeadlines(refreshKey);
  if (all.status === 'loading') return null;
  if (all.status === 'error') return <p className="error-box" role="alert">期限を読み込めませんでした：{all.message}</p>;
  if (all.value.length === 0) return null;
  const shown = upcomingDeadlines(all.value);
  return (
    <section className="card deadlines" aria-labelledby="deadlines-heading">
      <div className="deadlines-head">
        <h2 id="deadlines-heading">期限</h2>
        <Link href="/deadlines">すべての期限を見る（{all.value.length}件）</Link>
      </div>
      {shown.length === 0 ? <p className="muted">期限を過ぎたもの、90日以内のものはありません。</p> : <DeadlineList deadlines={shown} label="期限を過ぎたものと90日以内の期限" />}
      <IcsButton deadlines={all.value} />
    </section>
  );
}
