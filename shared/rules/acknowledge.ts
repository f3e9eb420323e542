import type { Finding } from './types';

/**
 * The acknowledgement (確認済み) that stands for a finding, if any: same key and rule, and never for
 * an エラー — errors cannot be silenced, even by a reason given while they were warnings (区分 A → B).
 */
export function acknowledgementOf<A extends { readonly key: string; readonly ruleId: string }>(finding: Finding, acks: readonly A[]): A | undefined {
  if (finding.severity === 'error') return undefined;
  return acks.find((a) => a.key === finding.key && a.ruleId === finding.ruleId);
}
