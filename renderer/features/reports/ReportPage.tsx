/** 定期報告・総括報告 (issue 14): the report and its 実績報告, edited beside the A4 preview. */
export function ReportPage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  return (
    <div className="page-narrow" data-project={projectId} data-filing={filingId}>
      <h1>定期・総括報告</h1>
      <p className="muted">この画面は準備中です。</p>
    </div>
  );
}
