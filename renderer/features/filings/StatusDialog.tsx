import { useId, useState } from 'react';
import { parseIsoDate } from '../../../shared/dates/iso-date';
import { unconfirmedCount } from '../../../shared/reports/roll-forward';
import { useApp } from '../../app/context';
import { useLoad } from '../../app/use-load';
import { FILING_METHODS, FILING_STATUS_LABEL, filingLabel, type Filing, type FilingMethod, type FilingStatus } from '../../../shared/filings/filing';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FilePick } from '../../components/FilePick';
import { today, type MoveInput } from './filing-actions';
import { DateInput } from '../../components/DateInput';

/**
 * Records one status move of a filing: the day (and, for 提出済み, how it was sent). What is typed
 * stays in the dialog when the move is refused; the reason is shown beside the fields. A 定期・総括報告
 * with values still 要確認 (carried from the previous 年度) is marked 提出済み only once the user
 * ticks 「要確認のまま提出する」 (issue 14 item 4); so is the 新規届出 of a project started from an
 * earlier one with carried values still 要確認 (issue 19).
 */
export function StatusDialog(props: {
  readonly filing: Filing;
  readonly status: FilingStatus;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly onConfirm: (input: MoveInput) => void;
  readonly onCancel: () => void;
}) {
  const { filing, status } = props;
  const [date, setDate] = useState(today());
  const [method, setMethod] = useState<FilingMethod | ''>('');
  const [note, setNote] = useState('');
  const [sentPdf, setSentPdf] = useState<{ name: string; bytes: Uint8Array }>();
  const [pickError, setPickError] = useState<string>();
  const [tried, setTried] = useState(false);
  const [sendUnconfirmed, setSendUnconfirmed] = useState(false);
  const { repos } = useApp();
  const isReport = filing.kind === 'periodic-report' || filing.kind === 'final-report';
  const open = useLoad(async () => {
    if (status !== 'filed') return 0;
    // A 新規届出 of a project started from an earlier one: the values it carried, still 要確認 (issue 19).
    if (filing.kind === 'new') return repos.carry.openFlags(filing.projectId);
    if (!isReport) return 0;
    const doc = await repos.filings.peekDoc(filing.id);
    return doc?.kind === 'periodic-report' || doc?.kind === 'final-report' ? unconfirmedCount(doc) : 0;
  }, [filing.id, status]);
  const unconfirmed = open.status === 'ready' ? open.value : 0;
  const unconfirmedMsgId = useId();
  const label = FILING_STATUS_LABEL[status];
  const dateProblem = parseIsoDate(date) === undefined ? '日付を入力してください。' : undefined;
  const methodProblem = status === 'filed' && method === '' ? '提出方法を選んでください。' : undefined;
  const unconfirmedProblem = unconfirmed > 0 && !sendUnconfirmed ? '要確認の項目を確認してから提出するか、「要確認のまま提出する」を選んでください。' : undefined;
  const messages = (m: string | undefined) => (tried && m ? [{ ruleId: 'FILING', severity: 'error' as const, message: m }] : []);
  const confirm = (): void => {
    setTried(true);
    if (dateProblem || methodProblem || unconfirmedProblem || open.status === 'loading' || props.busy) return;
    props.onConfirm({ status, date, note, ...(method !== '' ? { method } : {}), ...(sentPdf ? { sentPdf } : {}) });
  };
  return (
    <ConfirmDialog
      open
      title={`${filingLabel(filing)}：${label}を記録`}
      confirmLabel={props.busy ? '保存中…' : status === 'filed' ? '提出済みにして控えを保存' : `${label}を記録する`}
      onConfirm={confirm}
      onCancel={props.onCancel}
    >
      {status === 'filed' && (
        <p>
          提出した内容を、そのときの書類（PDF・Word）と入力内容ごと「提出済みの控え」として保存します。あとで職員名簿・マスタ・設定・費用を変えても、この控えは変わりません。
        </p>
      )}
      <Field label={status === 'filed' ? '提出日' : `${label}の日付`} messages={messages(dateProblem)}>
        {({ id, describedBy }) => <DateInput id={id} value={date} aria-describedby={describedBy} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      {status === 'filed' && (
        <Field label="提出方法" messages={messages(methodProblem)}>
          {({ id, describedBy }) => (
            <select id={id} value={method} aria-describedby={describedBy} onChange={(e) => setMethod(FILING_METHODS.find((m) => m === e.target.value) ?? '')}>
              <option value="">選んでください</option>
              {FILING_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {status === 'filed' && (
        <div className="field">
          <p className="field-label">実際に提出したPDF（任意）</p>
          <p className="field-help">押印・署名してスキャンしたものなど、送ったファイルがあれば控えに一緒に保存します。</p>
          <FilePick
            label={sentPdf ? `選択中：${sentPdf.name}（選び直す）` : '提出したPDFを選ぶ'}
            accept=".pdf,application/pdf"
            disabled={props.busy}
            onFile={(f) => {
              setPickError(undefined);
              if (f.size > 64 * 1024 * 1024) {
                setPickError('PDFが大きすぎます（64 MBまで）。');
                return;
              }
              f.arrayBuffer().then(
                (b) => setSentPdf({ name: f.name, bytes: new Uint8Array(b) }),
                () => setPickError('ファイルを読み込めませんでした。'),
              );
            }}
          />
          {pickError && (
            <p className="msg msg-error" role="alert">
              {pickError}
            </p>
          )}
        </div>
      )}
      {unconfirmed > 0 && (
        <div className="field" data-testid="unconfirmed-warning">
          <p className="notice notice-error">要確認の項目が{unconfirmed}件あります。{isReport ? '前年度' : 'もとの案件'}から引き継いだ値が、まだ確認されていません。</p>
          <label className="check">
            <input type="checkbox" checked={sendUnconfirmed} aria-describedby={unconfirmedMsgId} onChange={(e) => setSendUnconfirmed(e.target.checked)} />
            要確認のまま提出する
          </label>
          <div id={unconfirmedMsgId}>
            {tried && unconfirmedProblem && (
              <p className="msg msg-error" role="alert">
                {unconfirmedProblem}
              </p>
            )}
          </div>
        </div>
      )}
      <Field label="メモ（任意）">
        {({ id, describedBy }) => <textarea id={id} rows={2} value={note} maxLength={1000} aria-describedby={describedBy} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {props.error && (
        <p className="notice notice-error" role="alert">
          {props.error}
        </p>
      )}
    </ConfirmDialog>
  );
}
