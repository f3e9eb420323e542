/**
 * React answers every `selectionchange` by reading the caret's offsets in the focused text field
 * (selectionStart/End, for its onSelect event, which this app never uses). In a 10,000-character
 * 治療計画, Chromium finds those offsets by walking the text: 10–15 ms per keystroke on a PC slowed
 * ×4 (issue 17). This listener, in the capture phase on window, stops the event before React's
 * listener on document sees it while a text field has the focus. Nothing in the app listens to it;
 * the caret, selection and IME are the browser's and do not depend on it.
 */

/** Whether `el` is a text field: a textarea or an input. */
function isTextField(el: unknown): boolean {
  const name = typeof el === 'object' && el !== null && 'nodeName' in el ? el.nodeName : undefined;
  return name === 'TEXTAREA' || name === 'INPUT';
}

/** The listener: stops a selectionchange aimed at, or happening while the focus is in, a text field. */
export function selectionGuard(focused: () => unknown): (e: { readonly target: unknown; stopImmediatePropagation(): void }) => void {
  return (e) => {
    if (isTextField(e.target) || isTextField(focused())) e.stopImmediatePropagation();
  };
}

/** Installs the guard on the window (once, before React's root is created). Returns the uninstall function. */
export function guardSelectionChange(win: Window): () => void {
  const listener = selectionGuard(() => win.document.activeElement);
  win.addEventListener('selectionchange', listener, true);
  return () => win.removeEventListener('selectionchange', listener, true);
}
