import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Link } from 'wouter';
import { countBySeverity, type Finding } from '../../../shared/rules';
import { docLabel } from '../../../shared/rules/submission';
import { splitAcknowledged, type Acknowledgement } from './check-data';
import { FindingItem } from './FindingItem';
import type { CheckSession, SessionNotice, UnifyDone } from './use-check';
import { useRememberedFlag } from '../../components/use-remembered';
import './check.css';

/** Whether a finding concerns a form: one of its locations or of the places that must agree. */
export function touches(finding: Finding, doc: string): boolean {
  return finding.locations.some((l) => l.doc === doc) || (finding.agreement?.places.some((p) => p.location.doc === doc) ?? false);
}

/** 「エラー 1件　警告 0件　情報 0件（確認済み 1件）」: acknowledged warnings are counted apart. */
export function Counts(props: { readonly findings: readonly Finding[]; readonly acks: readonly Acknowledgement[]; readonly label: string; readonly testId?: string }) {
  const { open, acknowledged } = splitAcknowledged(props.findings, props.acks);
  const c = countBySeverity(open);
  const id = props.testId;
  return (
    <p className="check-counts" data-testid={id}>
      <span className="check-counts-label">{props.label}：</span>
      <span className={`count count-error${c.error > 0 ? ' count-on' : ''}`} data-testid={id && `${id}-error`}>
        エラー {c.error}件
      </span>
      <span className={`count count-warning${c.warning > 0 ? ' count-on' : ''}`} data-testid={id && `${id}-warning`}>
        警告 {c.warning}件
      </span>
      <span className="count count-info" data-testid={id && `${id}-info`}>
        情報 {c.info}件
      </span>
      {acknowledged.length > 0 && <span className="count count-ack">確認済み {acknowledged.length}件</span>}
    </p>
  );
}

/**
 * The control the user pressed is gone after an action (the finding resolved, the form closed, the
 * editor reloaded): focus moves to what tells the result — only just after the action, never when
 * the panel is shown again later (another 様式 opened).
 */
function useFocusJustAfter(ref: RefObject<HTMLElement | null>, at: number): void {
  useEffect(() => {
    if (Date.now() - at < 3000) ref.current?.focus();
  }, [ref, at]);
}

/** The result of the panel's last action, announced and focused. */
export function ActionNotice({ notice }: { readonly notice: SessionNotice | undefined }) {
  const p = useRef<HTMLParagraphElement>(null);
  useFocusJustAfter(p, notice?.at ?? 0);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <p ref={p} tabIndex={-1} className={`notice notice-${notice.kind}`}>
          {notice.text}
        </p>
      )}
    </div>
  );
}

export function UnifyNotice({ unified, busy, onUndo }: { readonly unified: UnifyDone; readonly busy: boolean; readonly onUndo: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useFocusJustAfter(button, unified.at);
  return (
    <div className="unify-notice" role="status">
      <p>
        統一しました：「{unified.fact}」を{unified.display}にしました（{unified.edits.length}か所の記載）。
      </p>
      <button type="button" ref={button} className="btn btn-small" aria-label="統一を元に戻す" disabled={busy} onClick={onUndo}>
        元に戻す
      </button>
    </div>
  );
}

/** `limit`: beside a form, a long list (an empty 様式's required items) is shortened until asked for. */
export function FindingList(props: { readonly findings: readonly Finding[]; readonly acks: readonly Acknowledgement[]; readonly session: CheckSession; readonly label: string; readonly limit?: number }) {
  const { open, acknowledged } = splitAcknowledged(props.findings, props.acks);
  const [all, setAll] = useState(false);
  const shown = all || props.limit === undefined ? open : open.slice(0, props.limit);
  return (
    <>
      {open.length > 0 && (
        <ul className="finding-list" aria-label={props.label}>
          {shown.map((f) => (
            <FindingItem key={f.key} finding={f} ack={undefined} session={props.session} />
          ))}
        </ul>
      )}
      {shown.length < open.length && (
        <button type="button" className="btn btn-small" onClick={() => setAll(true)}>
          ほかの指摘{open.length - shown.length}件も表示する
        </button>
      )}
      {acknowledged.length > 0 && (
        <ul className="finding-list finding-list-acknowledged" aria-label={`${props.label}（確認済み）`}>
          {acknowledged.map(({ finding, ack }) => (
            <FindingItem key={finding.key} finding={finding} ack={ack} session={props.session} />
          ))}
        </ul>
      )}
    </>
  );
}

/** 「エラー 2・警告 1・情報 0」: the counts in one short line, for the closed panel. */
function shortCounts(findings: readonly Finding[], acks: readonly Acknowledgement[]): string {
  const c = countBySeverity(splitAcknowledged(findings, acks).open);
  return `エラー ${c.error}・警告 ${c.warning}・情報 ${c.info}`;
}

/**
 * チェック結果 beside a 様式 (issue 5): the counts of the whole package and of this form, the
 * findings that concern this form, and the way to the full list. Follows the editor's committed
 * values, so it changes after each pause in typing — never in the middle of an IME composition.
 * It opens as its counts (issue 15), so the form's first field stays above the fold; whether it is
 * open is remembered on this PC.
 */
export function CheckPanel(props: { readonly session: CheckSession; readonly findings: readonly Finding[] | undefined; readonly formId: string; readonly place?: string }) {
  const { session, findings, formId } = props;
  /** 「この様式（様式第5号）」, or the place named by the page (「この変更申請」). */
  const place = props.place ?? `この様式（${docLabel(formId)}）`;
  const short = place.replace(/（.*）$/, '');
  const titleId = useId();
  const [open, setOpen] = useRememberedFlag('check-panel-open', false);
  const acks = session.data?.project.acknowledgements ?? [];
  const mine = findings?.filter((f) => touches(f, formId)) ?? [];
  const mineCounts = countBySeverity(splitAcknowledged(mine, acks).open);
  const alarm = mineCounts.error > 0 ? ' check-summary-error' : mineCounts.warning > 0 ? ' check-summary-warning' : '';
  return (
    <section className="check-panel check-panel-compact" aria-labelledby={titleId}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className={`check-summary${alarm}`} data-testid="check-summary">
          <h2 id={titleId}>チェック結果</h2>
          {findings ? (
            <span className="check-summary-counts">
              <span>
                {short}：{shortCounts(mine, acks)}
              </span>
              <span>書類一式：{shortCounts(findings, acks)}</span>
            </span>
          ) : (
            !session.loadError && <span className="loading">点検中…</span>
          )}
        </summary>
        <div className="check-panel-body">
          <p className="check-panel-all">
            <Link href={`/projects/${session.projectId}/check`}>すべてのチェック結果を見る</Link>
          </p>
          {findings && (
            <>
              <Counts findings={findings} acks={acks} label="書類一式" testId="check-counts" />
              <Counts findings={mine} acks={acks} label={place} />
              {mine.length === 0 ? <p className="muted">{short}に関する指摘はありません。</p> : <FindingList findings={mine} acks={acks} session={session} label={`${short}の指摘`} limit={5} />}
            </>
          )}
        </div>
      </details>
      {session.loadError && !findings && (
        <p className="error-box" role="alert">
          {session.loadError}
        </p>
      )}
      {/* The result of an action is shown whether the panel is open or not. */}
      {findings && session.unified && <UnifyNotice unified={session.unified} busy={session.busy} onUndo={() => void session.undoUnify()} />}
      {findings && <ActionNotice notice={session.notice} />}
    </section>
  );
}
