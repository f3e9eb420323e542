/** A short status line for the result of an action (保存しました / できませんでした). */
export function Notice({ notice }: { readonly notice: { readonly kind: 'ok' | 'error'; readonly text: string } | undefined }) {
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && <p className={`notice notice-${notice.kind}`}>{notice.text}</p>}
    </div>
  );
}
