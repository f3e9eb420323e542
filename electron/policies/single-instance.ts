/** DATA-01: a second launch focuses the first window instead of opening a second writer. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export function focusExistingWindow(win: FocusableWindow | undefined): boolean {
  if (!win) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}
