/**
 * The one engine (architecture pattern 2): evaluates every applicable rule over a submission and
 * returns findings. Pure and total: a rule that throws becomes an 情報 finding saying the check
 * could not run, so one broken rule never hides the others or the editor.
 */
import type { Submission } from './submission';
import type { Finding, Hit, Rule, Severity } from './types';

export function ruleApplies(rule: Rule, s: Submission): boolean {
  const a = rule.applies;
  if (!a) return true;
  if (a.categories && !a.categories.includes(s.category)) return false;
  if (a.packages && !a.packages.includes(s.packageId)) return false;
  return true;
}

export function ruleSeverity(rule: Rule, s: Submission): Severity {
  return typeof rule.severity === 'string' ? rule.severity : rule.severity[s.category];
}

/**
 * Acknowledgements are kept by this key, so it must name the same problem after unrelated edits:
 * a hit with a discriminator (a row's id, the typed text) leaves row numbers out of the key.
 */
export function findingKey(ruleId: string, hit: Pick<Hit, 'locations' | 'discriminator'>): string {
  const where = hit.locations.map((l) => [l.doc, l.field ?? '', l.entryId ?? '', hit.discriminator === undefined ? (l.row ?? '') : ''].join('.')).join('|');
  return `${ruleId}@${where}${hit.discriminator ? `#${hit.discriminator}` : ''}`;
}

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function evaluate(rules: readonly Rule[], s: Submission): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!ruleApplies(rule, s)) continue;
    let hits: readonly Hit[];
    try {
      hits = rule.check(s);
    } catch {
      hits = [{ severity: 'info', message: `${rule.id}（${rule.title}）を点検できませんでした。内容は保存されています。`, locations: [], discriminator: 'failed' }];
    }
    for (const hit of hits) {
      let key = findingKey(rule.id, hit);
      for (let n = 2; seen.has(key); n++) key = `${findingKey(rule.id, hit)}~${n}`;
      seen.add(key);
      out.push({
        key,
        ruleId: rule.id,
        severity: hit.severity ?? ruleSeverity(rule, s),
        message: hit.message,
        basis: rule.basis,
        locations: hit.locations,
        ...(hit.agreement ? { agreement: hit.agreement } : {}),
      });
    }
  }
  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export function countBySeverity(findings: readonly Finding[]): Readonly<Record<Severity, number>> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
