import { Link } from 'wouter';
import type { Deadline } from '../../../shared/deadlines/deadlines';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { toFullWidthDigits, warekiParts } from '../../../shared/dates/wareki';
import { DeadlineList } from './DeadlineList';
import { IcsButton } from './IcsButton';
import { useDeadlines } from './use-deadlines';

/** 「令和１０年８月」 */
function monthLabel(due: string): string {
  const d = parseIsoDate(due);
  if (!d) return due.slice(0, 7);
  const p = warekiParts(d);
  return toFullWidthDigits(`${p.era}${p.year === 1 ? '元' : p.year}年${p.month}月`);
}

/** Deadlines grouped by the month they fall in, in order (overdue ones first: they come earliest). */
function byMonth(deadlines: readonly Deadline[]): Array<{ readonly key: string; readonly label: string; readonly items: Deadline[] }> {
  const groups: Array<{ key: string; label: string; items: Deadline[] }> = [];
  for (const d of deadlines) {
    const key = d.due.slice(0, 7);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(d);
    else groups.push({ key, label: monthLabel(d.due), items: [d] });
  }
  return groups;
}

/** /deadlines: every deadline of every project, by month (issue 14 item 6). */
export function DeadlinesPage() {
  const all = useDeadlines();
  return (
    <div className="page-narrow">
      <p>
        <Link href="/">← 案件一覧</Link>
      </p>
      <h1>すべての期限</h1>
      <p className="lead">すべての案件の期限です。「要確認」は、期限の根拠が確認できていないものです（根拠は「要確認」にマウスを重ねるか、Tab キーで選ぶと表示されます）。</p>
      {all.status === 'loading' && <p className="loading">読み込み中…</p>}
      {all.status === 'error' && <p className="error-box" role="alert">{all.message}</p>}
      {all.status === 'ready' &&
        (all.value.length === 0 ? (
          <p className="empty">期限のあるものはありません。</p>
        ) : (
          <>
            <IcsButton deadlines={all.value} />
            {byMonth(all.value).map((g) => (
              <section key={g.key} aria-labelledby={`deadline-month-${g.key}`}>
                <h2 className="deadline-month" id={`deadline-month-${g.key}`}>
                  {g.label}
                </h2>
                <DeadlineList deadlines={g.items} label={`${g.label}の期限`} />
              </section>
            ))}
          </>
        ))}
    </div>
  );
}
