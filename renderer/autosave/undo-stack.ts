/**
 * Undo/redo of an editor (DATA-17): a bounded stack of committed values. Edits that follow each
 * other within GROUP_MS are one step (a word typed is one undo, not one per keystroke); a new edit
 * after an undo clears the redo side, as in every editor people know.
 */
export const GROUP_MS = 1000;
export const UNDO_LIMIT = 200;

export class UndoStack<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastAt = -Infinity;

  constructor(
    private present: T,
    private readonly groupMs: number = GROUP_MS,
    private readonly limit: number = UNDO_LIMIT,
  ) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  get current(): T {
    return this.present;
  }

  /** Records a committed value; `at` in ms. */
  push(value: T, at: number): void {
    if (at - this.lastAt >= this.groupMs || this.past.length === 0) {
      this.past.push(this.present);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.present = value;
    this.future = [];
    this.lastAt = at;
  }

  /** The value to show after undoing, or undefined when there is nothing to undo. */
  undo(): T | undefined {
    const prev = this.past.pop();
    if (prev === undefined) return undefined;
    this.future.push(this.present);
    this.present = prev;
    this.lastAt = -Infinity;
    return prev;
  }

  redo(): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(this.present);
    this.present = next;
    this.lastAt = -Infinity;
    return next;
  }
}
