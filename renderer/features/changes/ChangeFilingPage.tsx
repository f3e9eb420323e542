import { Link } from 'wouter';

/** 変更申請 (issue 13): the change document and its 新旧対照表, edited beside their preview. */
export function ChangeFilingPage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  return (
    <div className="page-narrow">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › <Link href={`/projects/${projectId}`}>案件</Link> › 変更申請
      </nav>
      <h1>変更申請</h1>
      <p className="muted" data-filing={filingId}>作成中です。</p>
    </div>
  );
}
