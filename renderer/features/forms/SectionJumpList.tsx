/**
 * The way around a long 様式 (issue 15): a jump list of its numbered sections, and a skip link from
 * the top of the screen to the first field.
 */

/** Moves focus to an element and shows it (below the sticky 出力 bar: see .section-heading). */
function focusAndShow(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'start' });
}

/**
 * 「２－１．」「３．」… each a button to its heading (with hash routing a fragment link would change the
 * page). A numbered section shows its number only, so that the list of a long form (様式第3号: 24)
 * stays on a line or two above the first field; its full heading is its name and its tooltip.
 */
export function SectionJumpList(props: { readonly sections: ReadonlyArray<{ readonly id: string; readonly heading: string; readonly number: string; readonly sub: boolean }>; readonly label: string }) {
  return (
    <nav className="section-jump" aria-label={props.label}>
      <span className="section-jump-title" aria-hidden="true">
        項目へ移動：
      </span>
      <ul>
        {props.sections.map((s) => (
          <li key={s.id} className={s.sub ? 'section-jump-sub' : undefined}>
            {/* The rest of the heading is read, not shown (no aria-label: a field is found by its label once). */}
            <button type="button" className={s.number ? 'btn-link section-jump-number' : 'btn-link'} title={s.number ? s.heading : undefined} onClick={() => focusAndShow(document.getElementById(s.id))}>
              {s.number ? (
                <>
                  {s.number}
                  <span className="visually-hidden">{s.heading.slice(s.number.length)}</span>
                </>
              ) : (
                s.heading
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The first input, select or textarea of the form (not a button of a list; skipping what cannot take focus). */
function firstField(formSelector: string): HTMLElement | null {
  const form = document.querySelector(formSelector);
  if (!form) return null;
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
    if (!el.disabled && el.getClientRects().length > 0 && el.tabIndex >= 0) return el;
  }
  return null;
}

/** 「最初の入力欄へ移動」: first in the screen's tab order, shown when it has focus. */
export function SkipToFirstField({ formSelector }: { readonly formSelector: string }) {
  return (
    <button type="button" className="skip-link skip-to-field" onClick={() => focusAndShow(firstField(formSelector))}>
      最初の入力欄へ移動
    </button>
  );
}
