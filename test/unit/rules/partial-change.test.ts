/**
 * R-X-3 (issue 15): the 一部変更申請状況 of a 適応外 品目 is stated once — in the 医薬品・医療機器 台帳,
 * or (older projects) in a row of 様式第3号④ naming the 品目. The sample's ICG is 適応外 and states it in the 台帳.
 */
import { describe, expect, it } from 'vitest';
import type { Masters } from '../../../shared/model/master';
import { findingsOf } from '../../helpers/rules';

const Y3 = 'besshi1/yoshiki3';
const withStatus = (status: string | undefined) => (m: Masters): Masters => ({ ...m, products: m.products.map((p) => (p.id === 'sample-product-icg' ? { ...p, partialChangeStatus: status } : p)) });
const change = (findings: ReturnType<typeof findingsOf>) => findings.filter((f) => f.message.includes('一部変更申請状況'));

describe('R-X-3 一部変更申請状況 of a 適応外 品目', () => {
  it('fires when neither the 台帳 nor a row of ④ states it, and sends the user to the マスタ 品目 field', () => {
    const hits = change(findingsOf({ masters: withStatus(undefined), forms: { [Y3]: { partialChange: [] } } }, 'R-X-3'));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toContain('「インドシアニングリーン注射用25mg」は適応外使用です');
    expect(hits[0]?.locations).toEqual([expect.objectContaining({ doc: 'masters/products', field: 'partialChangeStatus', entryId: 'sample-product-icg' })]);
  });

  it('fires when the 台帳 holds only spaces and ④ has a row for another 品目', () => {
    const hits = change(findingsOf({ masters: withStatus('　 '), forms: { [Y3]: { partialChange: [{ name: '別の品目', status: '申請中' }] } } }, 'R-X-3'));
    expect(hits).toHaveLength(1);
  });

  it('is silent with a status typed in full-width text in the 台帳', () => {
    expect(change(findingsOf({ masters: withStatus('一部変更承認申請の予定なし（公知申請を検討中）'), forms: { [Y3]: { partialChange: [] } } }, 'R-X-3'))).toEqual([]);
  });

  it('is silent when a row typed on ④ names the 品目 (full-width digits) and states it', () => {
    expect(change(findingsOf({ masters: withStatus(undefined), forms: { [Y3]: { partialChange: [{ name: 'インドシアニングリーン注射用２５ｍｇ', status: '予定なし' }] } } }, 'R-X-3'))).toEqual([]);
  });
});
