import { Link } from 'wouter';

/** 照会事項に対する回答 (issue 13): one round's items, edited beside the preview. */
export function InquiryResponsePage({ projectId, filingId }: { readonly projectId: string; readonly filingId: string }) {
  return (
    <div className="page-narrow">
      <nav className="breadcrumb" aria-label="現在位置">
        <Link href="/">案件一覧</Link> › <Link href={`/projects/${projectId}`}>案件</Link> › 照会事項に対する回答
      </nav>
      <h1>照会事項に対する回答</h1>
      <p className="muted" data-filing={filingId}>作成中です。</p>
    </div>
  );
}
