/**
 * 実績報告 case import and export (issue 14 item 3), mounted by the report screen. A chosen .xlsx or
 * CSV is read in a Web Worker (case-file-read.ts), so typing elsewhere never waits on a large
 * sheet; the preview shows the column mapping as one labelled choice per column of the file (the
 * project's remembered mapping first), the first rows, and every problem with its row, column and
 * message. 「取り込む」 is offered only when there is none: the import is all or nothing, and the
 * screen commits it in one write (onCommit). The cases go back out as .xlsx or CSV.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { CASE_COLUMNS, CASE_COLUMN_LABEL, type CaseColumn, type ReportCase, type ReportDoc } from '../../../shared/reports/model';
import { cellText } from '../../../shared/reports/import/cells';
import { casesToCsv, casesToXlsx, type CaseCsvEncoding } from '../../../shared/reports/import/export';
import { importCases } from '../../../shared/reports/import/merge';
import type { CaseFileRead } from '../../../shared/reports/import/read';
import { columnLetter, findTable, guessTargets, mappingOf, targetLabel, type CaseTable, type ColumnTargets } from '../../../shared/reports/import/table';
import { useApp } from '../../app/context';
import { FilePick } from '../../components/FilePick';
import { Notice } from '../../components/Notice';
import { safeFileName } from '../../platform/platform';
import { readCaseFileOffThread } from './case-file-read';
import './case-import.css';

type FileRead = Extract<CaseFileRead, { ok: true }>;

interface Chosen {
  readonly file: File;
  readonly read: FileRead;
  readonly table: CaseTable;
}

const PREVIEW_ROWS = 5;
const PREVIEW_CELL_CHARS = 30;
const ACCEPT = '.xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const EXPORT_NAME = '実績報告_症例';

const NO_HEADINGS = '見出しの行が見つかりません。「整理番号」「診断名」「初回実施日」などの見出しがある表を選んでください（最初の30行の中に見出しの行が必要です）。何も取り込んでいません。';

function previewText(s: string): string {
  const one = s.replace(/\s+/gu, ' ');
  return one.length > PREVIEW_CELL_CHARS ? `${one.slice(0, PREVIEW_CELL_CHARS)}…` : one;
}

export function CaseImport(props: {
  readonly doc: ReportDoc;
  readonly onCommit: (next: { readonly cases: ReportCase[]; readonly importMapping: ReportDoc['importMapping'] }) => void;
  readonly onExportError?: (message: string) => void;
}) {
  const { platform } = useApp();
  const [chosen, setChosen] = useState<Chosen>();
  const [targets, setTargets] = useState<ColumnTargets>([]);
  const [reading, setReading] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [exporting, setExporting] = useState<'xlsx' | 'csv'>();
  const [csvEncoding, setCsvEncoding] = useState<CaseCsvEncoding>('utf-8');
  // A read that finishes after another file was chosen (or the preview cancelled) is dropped.
  const request = useRef(0);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const ownHeading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const encodingId = useId();
  const sheetId = useId();

  const cases = props.doc.cases;
  const result = useMemo(() => (chosen ? importCases(cases, chosen.table, targets) : undefined), [cases, chosen, targets]);

  const read = async (file: File, sheet?: string): Promise<void> => {
    const mine = ++request.current;
    setReading(true);
    setRefusal(undefined);
    setNotice(undefined);
    const r = await readCaseFileOffThread(sheet === undefined ? { file } : { file, sheet });
    if (mine !== request.current) return;
    setReading(false);
    if (!r.ok) {
      setChosen(undefined);
      setRefusal(r.message);
      return;
    }
    const table = findTable(r.rows);
    if (!table) {
      setChosen(undefined);
      setRefusal(NO_HEADINGS);
      return;
    }
    setChosen({ file, read: r, table });
    setTargets(guessTargets(table, props.doc.importMapping));
    // The preview's heading takes the focus, so a keyboard or screen reader user starts there.
    requestAnimationFrame(() => previewHeading.current?.focus());
  };

  const close = (text?: string): void => {
    request.current++;
    setReading(false);
    setChosen(undefined);
    setTargets([]);
    setNotice(text === undefined ? undefined : { kind: 'ok', text });
    requestAnimationFrame(() => ownHeading.current?.focus());
  };

  const commit = (): void => {
    if (!chosen || !result?.ok) return;
    props.onCommit({ cases: result.cases, importMapping: mappingOf(chosen.table, targets) });
    close(`症例を取り込みました（追加 ${result.added} 件・更新 ${result.updated} 件・変更なし ${result.unchanged} 件）。`);
  };

  const exportCases = async (kind: 'xlsx' | 'csv'): Promise<void> => {
    setExporting(kind);
    setNotice(undefined);
    const fail = (text: string): void => {
      setNotice({ kind: 'error', text });
      props.onExportError?.(text);
    };
    try {
      let bytes: Uint8Array;
      if (kind === 'xlsx') bytes = await casesToXlsx(cases);
      else {
        const csv = casesToCsv(cases, csvEncoding);
        if (!csv.ok) return fail(csv.message);
        bytes = csv.bytes;
      }
      const saved = await platform.saveFile(safeFileName(EXPORT_NAME, kind), kind, bytes);
      if (saved.status === 'saved') setNotice({ kind: 'ok', text: `症例を書き出しました：${saved.fileName}` });
      else if (saved.status === 'failed') fail(`保存できませんでした：${saved.message}`);
    } catch {
      fail('症例のファイルを作成できませんでした。もう一度お試しください。');
    } finally {
      setExporting(undefined);
    }
  };

  const setTarget = (index: number, column: CaseColumn | ''): void => {
    setTargets((t) => t.map((c, i) => (i === index ? column : c)));
  };

  const problems = result && !result.ok ? result.problems : [];
  const table = chosen?.table;

  return (
    <section className="case-import" aria-labelledby={titleId}>
      <h3 id={titleId} ref={ownHeading} tabIndex={-1}>
        症例の取り込み・書き出し
      </h3>
      <div className="case-import-actions">
        <FilePick label="症例ファイルを取り込む（Excel・CSV）" accept={ACCEPT} disabled={reading} onFile={(f) => void read(f)} />
        <button type="button" className="btn" disabled={exporting !== undefined} onClick={() => void exportCases('xlsx')}>
          {exporting === 'xlsx' ? 'Excelを作成中…' : '症例をExcelで書き出す'}
        </button>
        <button type="button" className="btn" disabled={exporting !== undefined} onClick={() => void exportCases('csv')}>
          {exporting === 'csv' ? 'CSVを作成中…' : '症例をCSVで書き出す'}
        </button>
        <span className="inline-field">
          <label htmlFor={encodingId}>CSVの文字コード</label>
          <select id={encodingId} className="input input-auto" value={csvEncoding} onChange={(e) => setCsvEncoding(e.currentTarget.value === 'shift_jis' ? 'shift_jis' : 'utf-8')}>
            <option value="utf-8">UTF-8（BOM付き・Excel 2016以降）</option>
            <option value="shift_jis">Shift_JIS（古いExcel）</option>
          </select>
        </span>
      </div>
      <p className="field-help">Excel（.xlsx）または CSV（UTF-8・Shift_JIS）の症例の表を選ぶと、取り込む前に内容を確認できます。症例は整理番号で照合し、同じ整理番号の症例は更新、新しい整理番号は追加します。</p>
      <div role="status" aria-live="polite" className="case-import-status">
        {reading && <p>ファイルを読み取っています…</p>}
      </div>
      {refusal !== undefined && (
        <p className="error-box" role="alert">
          {refusal}
        </p>
      )}
      <Notice notice={notice} />
      {chosen && table && (
        <div className="case-import-preview card">
          <h4 ref={previewHeading} tabIndex={-1}>
            取り込みの確認：{chosen.file.name}
          </h4>
          <p>
            {table.headerRow} 行目を見出しとして、症例の行を {table.rows.length.toLocaleString('ja-JP')} 行読みました
            {chosen.read.format === 'csv' ? `（CSV・${chosen.read.encoding === 'shift_jis' ? 'Shift_JIS' : chosen.read.encoding === 'utf-16le' ? 'UTF-16' : 'UTF-8'}）` : `（シート「${chosen.read.sheet}」）`}。
          </p>
          {chosen.read.sheets.length > 1 && (
            <p className="inline-field">
              <label htmlFor={sheetId}>取り込むシート</label>
              <select id={sheetId} className="input input-auto" value={chosen.read.sheet} disabled={reading} onChange={(e) => void read(chosen.file, e.currentTarget.value)}>
                {chosen.read.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </p>
          )}
          <fieldset className="case-import-mapping">
            <legend>列の取り込み先</legend>
            <p className="field-help">ファイルの列ごとに、実績報告のどの欄に取り込むかを選んでください。選んだ対応はこの報告に記憶され、次の取り込みで使われます。</p>
            <div className="case-import-mapping-grid">
              {table.headings.map((h, i) => (
                <MappingSelect key={`${i}-${h}`} heading={h} index={i} value={targets[i] ?? ''} onChange={(c) => setTarget(i, c)} />
              ))}
            </div>
          </fieldset>
          <div className="table-scroll" role="region" aria-label="取り込むファイルの最初の行（スクロールできます）" tabIndex={0}>
            <table className="grid case-import-rows">
              <caption>最初の {Math.min(PREVIEW_ROWS, table.rows.length)} 行（ファイルのまま）</caption>
              <thead>
                <tr>
                  <th scope="col">行</th>
                  {table.headings.map((h, i) => (
                    <th key={`${i}-${h}`} scope="col">
                      {h}
                      <span className="case-import-target">→ {targetLabel(targets[i] ?? '')}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.row}>
                    <th scope="row">{r.row}</th>
                    {table.headings.map((h, i) => (
                      <td key={`${i}-${h}`}>{previewText(cellText(r.cells[i]))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result && !result.ok && (
            <section className="case-import-problems error-box" role="alert" aria-labelledby={`${titleId}-problems`}>
              <h5 id={`${titleId}-problems`}>取り込めない値があります（{problems.length.toLocaleString('ja-JP')} 件）。何も取り込んでいません。</h5>
              <p>ファイルを直して保存し、もう一度選んでください（列の取り込み先の問題は、上の選択で直せます）。</p>
              <ul aria-label="取り込めない値">
                {problems.map((p, i) => (
                  <li key={`${p.row}-${p.column}-${i}`}>
                    <span className="case-import-where">
                      {p.row}行目・{p.column}
                    </span>
                    ：{p.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {result?.ok && (
            <p role="status" className="case-import-summary">
              取り込むと：追加 {result.added} 件・更新 {result.updated} 件・変更なし {result.unchanged} 件（取り込み後 {result.cases.length} 件）。
            </p>
          )}
          <div className="case-import-buttons">
            <button type="button" className="btn btn-primary" disabled={!result?.ok || reading} onClick={commit}>
              取り込む
            </button>
            <button type="button" className="btn" onClick={() => close()}>
              キャンセル
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function MappingSelect(props: { readonly heading: string; readonly index: number; readonly value: CaseColumn | ''; readonly onChange: (c: CaseColumn | '') => void }) {
  const id = useId();
  return (
    <span className="case-import-map">
      <label htmlFor={id}>{props.heading} の取り込み先</label>
      <select
        id={id}
        className="input input-auto"
        value={props.value}
        aria-describedby={`${id}-col`}
        onChange={(e) => {
          const v = e.currentTarget.value;
          props.onChange(CASE_COLUMNS.find((c) => c === v) ?? '');
        }}
      >
        <option value="">取り込まない</option>
        {CASE_COLUMNS.map((c) => (
          <option key={c} value={c}>
            {CASE_COLUMN_LABEL[c]}
          </option>
        ))}
      </select>
      <span id={`${id}-col`} className="field-help">
        {columnLetter(props.index)}列
      </span>
    </span>
  );
}
