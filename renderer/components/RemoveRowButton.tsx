import type { RefObject } from 'react';

/**
 * 「削除」 for one row of a list: removes it and moves the keyboard focus to `focusAfter` (the
 * list's add button), so focus never falls back to the top of the page after a deletion.
 */
export function RemoveRowButton({ label, onRemove, focusAfter, text = '削除' }: { readonly label: string; readonly onRemove: () => void; readonly focusAfter: RefObject<HTMLElement | null>; readonly text?: string }) {
  return (
    <button
      type="button"
      className="btn btn-small"
      aria-label={label}
      onClick={() => {
        onRemove();
        focusAfter.current?.focus();
      }}
    >
      {text}
    </button>
  );
}
