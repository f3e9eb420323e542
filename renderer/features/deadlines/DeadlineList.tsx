import { useId } from 'react';
import { Link } from 'wouter';
import { daysLeftText, type Deadline } from '../../../shared/deadlines/deadlines';
import { dayOfWeek, parseIsoDate } from '../../../shared/dates/iso-date';
import { formatWareki, weekdayKanji } from '../../../shared/dates/wareki';
import './deadlines.css';

/** 「令和１０年８月３１日（木）」 */
export function dueText(due: string): string {
  const d = parseIsoDate(due);
  return d ? `${formatWareki(d)}（${weekdayKanji(dayOfWeek(d))}）` : due;
}

/** 「要確認」: focusable, its basis shown on hover and on focus and read out as its description. */
function Unconfirmed({ basis }: { readonly basis: string }) {
  const id = useId();
  return (
    <span className="deadline-check">
      {/* Escape hides the basis again (it shows while the badge has focus). */}
      <span className="badge badge-unconfirmed" tabIndex={0} aria-describedby={id} onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}>
        要確認
      </span>
      <span id={id} role="tooltip" className="deadline-basis">
        {basis}
      </span>
    </span>
  );
}

function Row({ d }: { readonly d: Deadline }) {
  return (
    <li className={`deadline-row${d.overdue ? ' deadline-overdue' : ''}`} data-deadline={d.id}>
      <time className="deadline-date" dateTime={d.due}>
        {dueText(d.due)}
      </time>
      <span className="deadline-days">{daysLeftText(d)}</span>
      <span className="deadline-main">
        <span className="deadline-project">{d.projectName}</span>
        <Link href={d.href} className="deadline-title">
          {d.title}
        </Link>
        {!d.confirmed && <Unconfirmed basis={d.basis} />}
        {d.note && <span className="deadline-note">{d.note}</span>}
        {d.warning && (
          <span className="deadline-warning" role="note">
            {d.warning}
          </span>
        )}
      </span>
    </li>
  );
}

/** Deadlines in the order given, one row each: date (和暦・曜日), days left, project, title, 要確認, link. */
export function DeadlineList({ deadlines, label }: { readonly deadlines: readonly Deadline[]; readonly label: string }) {
  return (
    <ul className="deadline-list" aria-label={label}>
      {deadlines.map((d) => (
        <Row key={d.id} d={d} />
      ))}
    </ul>
  );
}
