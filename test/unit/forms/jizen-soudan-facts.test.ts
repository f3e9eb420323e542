/**
 * Issue 15 item 1 on the 事前相談申込書: the 区分 is the project's (not asked again), and the
 * 使用する医薬品又は医療機器 are picked from the 品目 of the マスタ; text typed before stays and prints.
 */
import { describe, expect, it } from 'vitest';
import { fromFormValues, toFormValues } from '../../../renderer/features/jizen-soudan/form-values';
import { productsText, resolveJizenSoudan } from '../../../shared/forms/jizen-soudan/layout';
import { OFFICIAL_FAX_DESTINATION, jizenSoudanSchema } from '../../../shared/forms/jizen-soudan/schema';
import { emptyProduct, type Product } from '../../../shared/model/master';
import { filled, profile, technologyName } from '../../helpers/jizen-fixture';

const ICG: Product = {
  ...emptyProduct('p-icg', '医薬品'),
  name: 'インドシアニングリーン注射用25mg',
  maker: '架空製薬株式会社',
  spec: '25mg',
  labelUse: '適応外',
  usage: '腫瘍周囲の粘膜下層に局注する。',
};
const SCOPE: Product = { ...emptyProduct('p-scope', '医療機器'), name: '蛍光観察用腹腔鏡システム', maker: '架空メディカル株式会社', spec: 'FL-3000', labelUse: '適応内' };

describe('事前相談申込書 区分 from the project (issue 15)', () => {
  it('prints the project 区分 even where the sheet stored another one before', () => {
    const p = resolveJizenSoudan({ ...filled, assumedCategory: 'B' }, profile, technologyName, OFFICIAL_FAX_DESTINATION, undefined, { category: 'A' });
    expect(p.assumedCategory).toBe('A');
  });

  it('prints the project 区分 on a sheet where none was ever chosen', () => {
    const p = resolveJizenSoudan({ ...filled, assumedCategory: null }, profile, technologyName, OFFICIAL_FAX_DESTINATION, undefined, { category: 'B' });
    expect(p.assumedCategory).toBe('B');
  });

  it('keeps the stored value when saved back from the editor (never dropped)', () => {
    const { data } = fromFormValues(toFormValues({ ...filled, assumedCategory: 'A' }, profile, technologyName), profile);
    expect(data.assumedCategory).toBe('A');
  });
});

describe('事前相談申込書 使用する医薬品又は医療機器 picked from the 品目 (issue 15)', () => {
  it('prints each picked 品目 with 企業名, 未承認・適応外 and 使用方法, in picked order, then the typed text', () => {
    const text = productsText({ productIds: ['p-scope', 'p-icg'], products: '補足：適応外使用について企業と相談済み' }, [ICG, SCOPE]);
    expect(text.split('\n')).toEqual([
      '医療機器：蛍光観察用腹腔鏡システム（FL-3000）、企業名：架空メディカル株式会社、適応内',
      '医薬品：インドシアニングリーン注射用25mg（25mg）、企業名：架空製薬株式会社、適応外',
      '使用方法：腫瘍周囲の粘膜下層に局注する。',
      '補足：適応外使用について企業と相談済み',
    ]);
  });

  it('the sheet prints them through resolveJizenSoudan', () => {
    const p = resolveJizenSoudan({ ...filled, productIds: ['p-icg'] }, profile, technologyName, OFFICIAL_FAX_DESTINATION, undefined, { products: [ICG] });
    expect(p.products.startsWith('医薬品：インドシアニングリーン注射用25mg')).toBe(true);
    expect(p.products).toContain(filled.products);
  });

  it('a sheet saved before the picker reads, prints and saves back its typed text unchanged', () => {
    const stored = { ...filled };
    const parsed = jizenSoudanSchema.parse(JSON.parse(JSON.stringify(stored)));
    expect(parsed).toEqual(stored);
    expect('productIds' in parsed).toBe(false);
    expect(resolveJizenSoudan(parsed, profile, technologyName, OFFICIAL_FAX_DESTINATION, undefined, { products: [ICG] }).products).toBe(filled.products);
    const { data } = fromFormValues(toFormValues(parsed, profile, technologyName), profile);
    expect(data).toEqual(stored);
  });

  it('the picked ids are saved from the editor and read back', () => {
    const v = toFormValues(filled, profile, technologyName);
    v.productIds = ['p-icg', 'p-scope'];
    const { data } = fromFormValues(v, profile);
    expect(data.productIds).toEqual(['p-icg', 'p-scope']);
    expect(jizenSoudanSchema.parse(data).productIds).toEqual(['p-icg', 'p-scope']);
    expect(toFormValues(data, profile, technologyName).productIds).toEqual(['p-icg', 'p-scope']);
  });
});
