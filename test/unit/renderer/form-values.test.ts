import { describe, expect, it } from 'vitest';
import { fromFormValues, toFormValues } from '../../../renderer/features/jizen-soudan/form-values';
import { filled, profile } from '../../helpers/jizen-fixture';

describe('事前相談申込書 form values', () => {
  it('shows the institution profile where the project has no value of its own', () => {
    const v = toFormValues(filled, profile, '技術');
    expect(v.institutionName).toBe(profile.institutionName);
    expect(v.contactName).toBe('髙橋 﨑子');
  });

  it('stores only what differs from the profile, so each fact lives in one place', () => {
    const v = toFormValues(filled, profile, '技術');
    v.contactName = '山﨑 花子';
    const { data, technologyName } = fromFormValues(v, profile);
    expect(data.contactName).toBe('山﨑 花子');
    expect(data.institutionName).toBeUndefined();
    expect(technologyName).toBe('技術');
  });

  it('keeps a field the user cleared on purpose as empty, not as the profile value', () => {
    const v = toFormValues(filled, profile, '技術');
    v.fax = '';
    expect(fromFormValues(v, profile).data.fax).toBe('');
  });
});
