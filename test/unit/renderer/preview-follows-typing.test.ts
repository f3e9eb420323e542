import { describe, expect, it } from 'vitest';
import { liveValue } from '../../../renderer/app/live-value';
import { selectionGuard } from '../../../renderer/app/selection-guard';
import { QUICK_LAYOUT_MS, followLayouts, type Laid, type LayoutTimers } from '../../../renderer/components/layout-scheduler';

/** Tasks queued by hand: `soon` tasks and tasks after the next painted frame, with a clock a layout advances. */
function fakeTimers() {
  let clock = 0;
  const soon: Array<() => void> = [];
  const afterFrame: Array<() => void> = [];
  const queue = (list: Array<() => void>, task: () => void) => {
    list.push(task);
    return () => {
      const i = list.indexOf(task);
      if (i >= 0) list.splice(i, 1);
    };
  };
  const timers: LayoutTimers = { soon: (t) => queue(soon, t), afterPaint: (t) => queue(afterFrame, t), now: () => clock };
  return {
    timers,
    tick: (ms: number) => void (clock += ms),
    pending: () => ({ soon: soon.length, afterFrame: afterFrame.length }),
    runSoon: () => soon.splice(0).forEach((t) => t()),
    paintFrame: () => afterFrame.splice(0).forEach((t) => t()),
  };
}

/** A layout of the typed text that takes `ms` on the fake clock. */
function layoutTaking(f: ReturnType<typeof fakeTimers>, ms: () => number, log: string[]) {
  return (text: string) => {
    log.push(text);
    f.tick(ms());
    return `laid:${text}`;
  };
}

describe('the preview follows typing off the typing path (issue 17)', () => {
  it('lays out a quick layout right after the keystroke handlers, and a burst of keys once, with the newest text', () => {
    const f = fakeTimers();
    const text = liveValue('治療計画');
    const computed: string[] = [];
    const shown: Array<Laid<string, string>> = [];
    followLayouts(text, layoutTaking(f, () => 3, computed), { value: '治療計画', ms: 3 }, (l) => shown.push(l), f.timers);
    expect(f.pending()).toEqual({ soon: 0, afterFrame: 0 });
    text.set('治療計画あ');
    text.set('治療計画あい');
    text.set('治療計画あいう');
    expect(f.pending()).toEqual({ soon: 1, afterFrame: 0 });
    expect(computed).toEqual([]);
    f.runSoon();
    expect(computed).toEqual(['治療計画あいう']);
    expect(shown.map((l) => l.result)).toEqual(['laid:治療計画あいう']);
    expect(f.pending()).toEqual({ soon: 0, afterFrame: 0 });
  });

  it('waits for the typed character to be painted when the last layout was slow, and runs at once again when it is quick', () => {
    const f = fakeTimers();
    const text = liveValue('a');
    const computed: string[] = [];
    let cost = QUICK_LAYOUT_MS + 5;
    followLayouts(text, layoutTaking(f, () => cost, computed), { value: 'a', ms: QUICK_LAYOUT_MS + 5 }, () => undefined, f.timers);
    text.set('ab');
    expect(f.pending()).toEqual({ soon: 0, afterFrame: 1 });
    cost = 2;
    f.paintFrame();
    expect(computed).toEqual(['ab']);
    text.set('abc');
    expect(f.pending()).toEqual({ soon: 1, afterFrame: 0 });
  });

  it('ends on the latest text when a key arrives while the new pages are rendered', () => {
    const f = fakeTimers();
    const text = liveValue('a');
    const computed: string[] = [];
    let typedDuringRender = false;
    followLayouts(
      text,
      layoutTaking(f, () => 1, computed),
      { value: 'a', ms: 1 },
      () => {
        if (typedDuringRender) return;
        typedDuringRender = true;
        text.set('abc');
      },
      f.timers,
    );
    text.set('ab');
    f.runSoon();
    f.runSoon();
    expect(computed).toEqual(['ab', 'abc']);
  });

  it('lays out at once the first time, and again when the layout itself changed (fonts, facts) though the text did not', () => {
    const f = fakeTimers();
    const computed: string[] = [];
    followLayouts(liveValue('a'), layoutTaking(f, () => 1, computed), undefined, () => undefined, f.timers);
    f.runSoon();
    followLayouts(liveValue('a'), layoutTaking(f, () => 1, computed), { value: 'a', ms: 1, stale: true }, () => undefined, f.timers);
    f.runSoon();
    expect(computed).toEqual(['a', 'a']);
  });

  it('lays out nothing after the editor is closed', () => {
    const f = fakeTimers();
    const text = liveValue('a');
    const computed: string[] = [];
    const stop = followLayouts(text, layoutTaking(f, () => 1, computed), { value: 'a', ms: 1 }, () => undefined, f.timers);
    text.set('ab');
    stop();
    f.runSoon();
    text.set('abc');
    f.runSoon();
    expect(computed).toEqual([]);
  });

  it('keeps React from measuring the caret in a text field on every selection change, and only there', () => {
    const guard = selectionGuard(() => ({ nodeName: 'BODY' }));
    const stopped: string[] = [];
    const event = (nodeName: string) => ({ target: { nodeName }, stopImmediatePropagation: () => stopped.push(nodeName) });
    guard(event('TEXTAREA'));
    guard(event('INPUT'));
    guard(event('#document'));
    expect(stopped).toEqual(['TEXTAREA', 'INPUT']);
    selectionGuard(() => ({ nodeName: 'TEXTAREA' }))(event('#document'));
    expect(stopped).toEqual(['TEXTAREA', 'INPUT', '#document']);
  });
});
