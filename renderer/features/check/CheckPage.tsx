import { useMemo } from 'react';
import { Link } from 'wouter';
import { glyphCoverage } from '../../../shared/rules/catalog/preflight';
import { useFonts } from '../../fonts/use-fonts';
import { ReportButton } from './ReportButton';
import type { Finding } from '../../../shared/rules';
import { docLabel } from '../../../shared/rules/submission';
import { FORMS } from '../../../shared/forms/registry';
import { packageById } from '../../../shared/forms/packages';
import { defaultPackage } from '../../../shared/rules/submission';
import { ActionNotice, Counts, FindingList, UnifyNotice } from './CheckPanel';
import { splitAcknowledged, type Acknowledgement } from './check-data';
import { useCheckSession, useFindings } from './use-check';
import './check.css';

/** 様式 in filing order, then the other places, then findings without a place. */
function order(doc: string): number {
  const i = FORMS.findIndex((f) => f.id === doc);
  return i === -1 ? FORMS.length + (doc === '' ? 1 : 0) : i;
}

/** Findings grouped by the place they point to first, 様式 in filing order, then the other places. */
function byDoc(findings: readonly Finding[]): Array<{ readonly doc: string; readonly findings: Finding[] }> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const doc = f.locations[0]?.doc ?? '';
    groups.set(doc, [...(groups.get(doc) ?? []), f]);
  }
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b)).map(([doc, list]) => ({ doc, findings: list }));
}

function groupLabel(doc: string): string {
  return doc === '' ? 'その他' : docLabel(doc);
}

/** Every 様式 of the package (0 when clean), then the other places that have findings. */
function CountsTable({ groups: found, formIds, acks }: { readonly groups: ReturnType<typeof byDoc>; readonly formIds: readonly string[]; readonly acks: readonly Acknowledgement[] }) {
  const groups = [...formIds.filter((id) => !found.some((g) => g.doc === id)).map((doc) => ({ doc, findings: [] })), ...found].sort(
    (a, b) => order(a.doc) - order(b.doc),
  );
  return (
    <table className="check-counts-table">
      <caption>様式・記載箇所ごとの件数</caption>
      <thead>
        <tr>
          <th scope="col">記載箇所</th>
          <th scope="col">エラー</th>
          <th scope="col">警告</th>
          <th scope="col">情報</th>
          <th scope="col">確認済み</th>
        </tr>
      </thead>
      <tbody>
        {groups.map(({ doc, findings }) => {
          const { open, acknowledged } = splitAcknowledged(findings, acks);
          const n = (s: Finding['severity']) => open.filter((f) => f.severity === s).length;
          return (
            <tr key={doc}>
              <th scope="row">{groupLabel(doc)}</th>
              <td>{n('error')}</td>
              <td>{n('warning')}</td>
              <td>{n('info')}</td>
              <td>{acknowledged.length}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** チェック結果 of the whole package (issue 5): counts per place, then every finding by place. */
export function CheckPage({ projectId }: { readonly projectId: string }) {
  const session = useCheckSession(projectId);
  const fontLoad = useFonts();
  const fonts = fontLoad.state.status === 'ready' ? fontLoad.state.fonts : undefined;
  const glyphs = useMemo(() => (fonts ? glyphCoverage(fonts.metrics) : undefined), [fonts]);
  const findings = useFindings(session, { glyphs });
  const project = session.data?.project;
  if (!session.data || !findings) {
    return session.loadError ? (
      <p className="error-box" role="alert">
        {session.loadError}
      </p>
    ) : (
      <p className="loading">点検中…</p>
    );
  }
  const acks = project?.acknowledgements ?? [];
  const groups = byDoc(findings);
  return (
    <div className="page-wide">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › <Link href={`/projects/${projectId}`}>{project?.name || '無題の案件'}</Link> › チェック結果
      </nav>
      <section className="check-panel check-page" aria-labelledby="check-title">
        <h1 id="check-title">チェック結果</h1>
        <p className="muted">
          先進医療{project?.category}の新規届出として、様式どうしの記載の一致と記載要領の必須事項を点検しています。指摘を選ぶと、その欄へ移動します。
        </p>
        <Counts findings={findings} acks={acks} label="書類一式" testId="check-counts" />
        <ReportButton data={session.data} findings={findings} fonts={fonts} />
        {session.unified && <UnifyNotice unified={session.unified} busy={session.busy} onUndo={() => void session.undoUnify()} />}
        <ActionNotice notice={session.notice} />
        {groups.length === 0 ? (
          <p>指摘はありません。</p>
        ) : (
          <>
            <CountsTable groups={groups} formIds={project ? packageById(defaultPackage(project.category)).formIds : []} acks={acks} />
            {groups.map(({ doc, findings: list }) => (
              <section key={doc} className="check-group" aria-label={groupLabel(doc)}>
                <h2>{groupLabel(doc)}</h2>
                <FindingList findings={list} acks={acks} session={session} label={`${groupLabel(doc)}の指摘`} />
              </section>
            ))}
          </>
        )}
      </section>
    </div>
  );
}
