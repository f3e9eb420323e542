import { describe, expect, it } from 'vitest';
import { AutosaveController, type SaveState } from '../../../renderer/autosave/controller';

describe('issue 17: a keystroke does not render the editor again only to say 保存中 again', () => {
  it('a burst of edits tells the screen 「保存中」 once, then 「保存済み」 once', async () => {
    const states: SaveState[] = [];
    const c = new AutosaveController<string>({ save: () => Promise.resolve(), delayMs: 60_000, onState: (s) => states.push(s) });
    for (const v of ['髙', '髙橋', '髙橋の', '髙橋の入力']) c.schedule(v);
    expect(states).toEqual(['saving']);
    await c.flush();
    expect(states).toEqual(['saving', 'saved']);
    c.dispose();
  });
});
