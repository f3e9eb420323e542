import { describe, expect, it } from 'vitest';
import { UndoStack } from '../../../renderer/autosave/undo-stack';

describe('DATA-17 undo and redo in editors', () => {
  it('undoes a word typed in one go as one step, and redoes it', () => {
    const s = new UndoStack('', 1000);
    s.push('先', 0);
    s.push('先進', 100);
    s.push('先進医療', 200);
    s.push('先進医療の', 5000);
    expect(s.undo()).toBe('先進医療');
    expect(s.undo()).toBe('');
    expect(s.undo()).toBeUndefined();
    expect(s.redo()).toBe('先進医療');
    expect(s.redo()).toBe('先進医療の');
    expect(s.canRedo).toBe(false);
  });

  it('a new edit after an undo clears what could be redone', () => {
    const s = new UndoStack('a', 1000);
    s.push('ab', 0);
    s.push('abc', 2000);
    s.undo();
    s.push('abX', 2100);
    expect(s.canRedo).toBe(false);
    expect(s.undo()).toBe('ab');
  });

  it('keeps a bounded number of steps', () => {
    const s = new UndoStack(0, 1, 5);
    for (let i = 1; i <= 20; i++) s.push(i, i * 10);
    let n = 0;
    while (s.undo() !== undefined) n++;
    expect(n).toBe(5);
  });
});
