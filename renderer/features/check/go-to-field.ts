/**
 * Leading the user from a finding to its field (issue 5): the page of the location, then the field
 * scrolled into view, its input focused and the field outlined for a few seconds. Fields carry
 * `data-field=<answer key>` (components/Field.tsx); pages load asynchronously, so the field is
 * looked for until it appears. A page without that field gets its heading focused instead.
 */
import type { FieldLocation } from '../../../shared/rules';
import { formById } from '../../../shared/rules/submission';
import { formKey } from '../../../shared/forms/registry';

export const HIGHLIGHT_CLASS = 'field-highlight';
const HIGHLIGHT_MS = 4000;
const WAIT_MS = 4000;

/** The route of a finding's location. */
export function pathOf(projectId: string, loc: FieldLocation): string {
  const form = formById(loc.doc);
  if (form) return `/projects/${projectId}/forms/${formKey(form)}`;
  switch (loc.doc) {
    case 'project':
      return `/projects/${projectId}`;
    case 'cost':
      return `/projects/${projectId}/cost`;
    case 'jizen-soudan':
      return `/projects/${projectId}/jizen-soudan`;
    case 'roster':
      return '/roster';
    case 'settings':
      return '/settings';
    default: {
      // A filing's own document: 'change/<filingId>', 'inquiry/<filingId>' (issue 13), 'report/<filingId>', 'adverse-event/<filingId>' (issue 14).
      const own = /^(change|inquiry|report|adverse-event)\/(.+)$/.exec(loc.doc);
      if (own?.[2]) return `/projects/${projectId}/filings/${own[2]}/${own[1]}`;
      return loc.doc.startsWith('masters/') ? `/${loc.doc}` : `/projects/${projectId}`;
    }
  }
}

export function currentPath(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '').split('?')[0] ?? '') || '/';
}

function focusable(container: Element): HTMLElement | undefined {
  // Not a heading that is only a jump target (tabindex -1: a field's label as its section heading, issue 15).
  const el = container.querySelector('textarea, input:not([type="hidden"]), select, button, [tabindex]:not([tabindex="-1"])');
  return el instanceof HTMLElement ? el : undefined;
}

function highlight(container: HTMLElement): void {
  container.classList.add(HIGHLIGHT_CLASS);
  window.setTimeout(() => container.classList.remove(HIGHLIGHT_CLASS), HIGHLIGHT_MS);
}

function focusHeading(): void {
  const h = document.querySelector('#main h1');
  if (!(h instanceof HTMLElement)) return;
  if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
  h.focus();
}

/**
 * Focuses the field once `path` is shown and the field exists. Returns a cancel function.
 * Call after navigating to `path` (or at once when it is already shown).
 */
export function focusFieldWhenShown(path: string, field: string | undefined, doc?: string): () => void {
  // A 様式's fields are looked for inside its own <form data-doc>: another form's same key never matches.
  const selector = field === undefined ? undefined : `${doc && formById(doc) ? `[data-doc="${CSS.escape(doc)}"] ` : ''}[data-field="${CSS.escape(field)}"]`;
  const started = Date.now();
  let timer: number | undefined;
  const attempt = (): void => {
    timer = undefined;
    if (currentPath() === path) {
      const container = selector === undefined ? null : document.querySelector(selector);
      if (container instanceof HTMLElement) {
        container.scrollIntoView({ block: 'center' });
        (focusable(container) ?? container).focus({ preventScroll: true });
        highlight(container);
        return;
      }
      const loaded = document.querySelector('#main h1') !== null;
      if (loaded && (field === undefined || Date.now() - started > WAIT_MS)) {
        focusHeading();
        return;
      }
    }
    if (Date.now() - started <= WAIT_MS + 1000) timer = window.setTimeout(attempt, 50);
  };
  attempt();
  return () => {
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
