import { hasDoc } from '../../../shared/filings/filing-doc';
import { useState } from 'react';
import { Link } from 'wouter';
import { parseIsoDate, todayIn } from '../../../shared/dates/iso-date';
import { filingDates, nextReportYear } from '../../../shared/filings/deadlines';
import { formatWareki } from '../../../shared/dates/wareki';
import {
  FILING_KINDS,
  FILING_KIND_LABEL,
  FILING_STATUS_LABEL,
  NEXT_STATUSES,
  PRINTABLE_KINDS,
  baselineFiling,
  filingLabel,
  isFrozen,
  type Filing,
  type FilingKind,
  type FilingStatus,
} from '../../../shared/filings/filing';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { Notice } from '../../components/Notice';
import { moveFiling, saveFilingFiles, type MoveInput } from './filing-actions';
import { StatusDialog } from './StatusDialog';

const wareki = (iso: string): string => {
  const d = parseIsoDate(iso);
  return d ? formatWareki(d) : iso;
};

/** The next 照会回答 round, or the 年度 of a 定期報告 (the report period ends on 6/30 of it). */
function extrasFor(kind: FilingKind, filings: readonly Filing[]): Pick<Filing, 'round' | 'fiscalYear'> {
  if (kind === 'inquiry-response') return { round: Math.max(0, ...filings.filter((f) => f.kind === kind).map((f) => f.round ?? 0)) + 1 };
  if (kind === 'periodic-report') return { fiscalYear: nextReportYear(todayIn('Asia/Tokyo')) };
  return {};
}

/**
 * 届出・報告の経過 (issue 11): the project's filings in time order with their status and dates.
 * 「提出済みにする」 freezes the filing's package; a filed filing saves the files as sent.
 */
export function FilingsCard({ projectId, projectName }: { readonly projectId: string; readonly projectName: string }) {
  const { repos, platform } = useApp();
  const loaded = useLoad(async () => ({ ...(await repos.filings.list(projectId)), sites: (await repos.sites.list(projectId)).sites.filter((x) => x.role === '協力医療機関') }), [projectId]);
  const [siteId, setSiteId] = useState('');
  const [dialog, setDialog] = useState<{ filing: Filing; status: FilingStatus }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [kind, setKind] = useState<FilingKind>('inquiry-response');

  if (loaded.status === 'loading') return <p className="loading">読み込み中…</p>;
  if (loaded.status === 'error') return <p className="error-box" role="alert">{loaded.message}</p>;
  const { filings, unreadable, sites } = loaded.value;
  const baseline = baselineFiling(filings);

  const move = async (input: MoveInput): Promise<void> => {
    if (!dialog) return;
    setBusy(true);
    setError(undefined);
    try {
      const moved = await moveFiling(repos, dialog.filing, input);
      setDialog(undefined);
      setNotice({ kind: 'ok', text: `${filingLabel(moved)}を「${FILING_STATUS_LABEL[moved.status]}」にしました。` });
      loaded.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : '保存できませんでした。もう一度お試しください。');
    } finally {
      setBusy(false);
    }
  };
  const save = async (filing: Filing): Promise<void> => {
    setNotice(undefined);
    try {
      const r = await saveFilingFiles(repos, platform, filing, projectName);
      if (r.status === 'saved') setNotice({ kind: 'ok', text: `保存しました：${r.fileName}` });
      else if (r.status === 'failed') setNotice({ kind: 'error', text: `保存できませんでした：${r.message}` });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : 'ファイルを作成できませんでした。' });
    }
  };
  const add = async (): Promise<void> => {
    try {
      const site = kind === 'cooperating' ? sites.find((x) => x.id === siteId) : undefined;
      const f = await repos.filings.create(projectId, kind, { ...extrasFor(kind, filings), ...(site ? { siteId: site.id, title: site.name } : {}) });
      setNotice({ kind: 'ok', text: `${filingLabel(f)}を追加しました。` });
      loaded.reload();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : '追加できませんでした。' });
    }
  };

  return (
    <section className="card" aria-labelledby="filings-title">
      <h2 id="filings-title">届出・報告の経過</h2>
      <p className="muted">
        提出した届出は、そのときの書類と入力内容を「提出済みの控え」として保存し、あとから何を変えても同じものを印刷できます。
        {baseline ? `いま承認されている計画：${filingLabel(baseline)}（${wareki(baseline.events.at(-1)?.date ?? '')}）。` : ''}
      </p>
      {unreadable > 0 && <p className="notice notice-error">読み取れない届出の記録が{unreadable}件あります（削除はしていません）。</p>}
      <ol className="timeline" aria-label="届出・報告">
        {filings.map((f) => (
          <li key={f.id} className="timeline-item" data-testid={`filing-${f.id}`}>
            <h3>
              {filingLabel(f)}
              {f.title && `　${f.title}`} <span className={`badge status-${f.status}`}>{FILING_STATUS_LABEL[f.status]}</span>
            </h3>
            {f.events.length > 0 && (
              <ul className="timeline-events">
                {f.events.map((e, i) => (
                  <li key={i}>
                    {FILING_STATUS_LABEL[e.status]}：{wareki(e.date)}
                    {e.method && `（${e.method}）`}
                    {e.note && `　${e.note}`}
                  </li>
                ))}
              </ul>
            )}
            {filingDates(f).length > 0 && (
              <ul className="timeline-events" aria-label={`${filingLabel(f)}の期日`}>
                {filingDates(f).map((d) => (
                  <li key={d.label}>{d.text}</li>
                ))}
              </ul>
            )}
            <div className="export-buttons">
              {NEXT_STATUSES[f.status]
                .filter((s) => s !== 'filed' || PRINTABLE_KINDS.has(f.kind))
                .map((s) => (
                  <button key={s} type="button" className={s === 'filed' ? 'btn btn-primary' : 'btn'} onClick={() => { setError(undefined); setDialog({ filing: f, status: s }); }}>
                    {s === 'filed' ? '提出済みにする' : `${FILING_STATUS_LABEL[s]}を記録`}
                  </button>
                ))}
              {(isFrozen(f) || PRINTABLE_KINDS.has(f.kind)) && (
                <button type="button" className="btn" onClick={() => void save(f)}>
                  {isFrozen(f) ? '提出した書類を保存（ZIP）' : '書類を保存（ZIP）'}
                </button>
              )}
              {f.kind === 'change' && (
                <Link className="btn" href={`/projects/${projectId}/filings/${f.id}/change`}>
                  {f.status === 'draft' ? '変更申請を作成・編集' : '変更申請を開く'}
                </Link>
              )}
              {f.kind === 'inquiry-response' && (
                <Link className="btn" href={`/projects/${projectId}/filings/${f.id}/inquiry`}>
                  {f.status === 'draft' ? '回答を作成・編集' : '回答を開く'}
                </Link>
              )}
              {(f.kind === 'periodic-report' || f.kind === 'final-report') && (
                <Link className="btn" href={`/projects/${projectId}/filings/${f.id}/report`}>
                  {f.status === 'draft' ? '報告を作成・編集' : '報告を開く'}
                </Link>
              )}
              {(f.kind === 'serious-adverse-event' || f.kind === 'health-risk') && (
                <Link className="btn" href={`/projects/${projectId}/filings/${f.id}/${f.kind === 'serious-adverse-event' ? 'adverse-event' : 'health-risk'}`}>
                  {f.status === 'draft' ? '報告書を作成・編集' : '報告書を開く'}
                </Link>
              )}
              {!PRINTABLE_KINDS.has(f.kind) && !hasDoc(f.kind) && f.status === 'draft' && <span className="muted">この種類の書類の作成は今後対応します。</span>}
            </div>
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <label htmlFor="new-filing-kind">追加する届出・報告</label>
        <select id="new-filing-kind" value={kind} onChange={(e) => setKind(FILING_KINDS.find((k) => k === e.target.value) ?? 'inquiry-response')}>
          {FILING_KINDS.map((k) => (
            <option key={k} value={k}>
              {FILING_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        {kind === 'cooperating' && sites.length > 0 && (
          <>
            <label htmlFor="new-filing-site">協力医療機関</label>
            <select id="new-filing-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
              <option value="">（申請医療機関の書類で作成）</option>
              {sites.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name || '名称未入力'}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" className="btn" onClick={() => void add()}>
          届出・報告を追加
        </button>
      </div>
      <Notice notice={notice} />
      {dialog && <StatusDialog key={`${dialog.filing.id}-${dialog.status}`} filing={dialog.filing} status={dialog.status} busy={busy} error={error} onConfirm={(i) => void move(i)} onCancel={() => setDialog(undefined)} />}
    </section>
  );
}
