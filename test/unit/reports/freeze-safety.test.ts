import { expect, it } from 'vitest';
import { freezeFiling } from '../../../shared/filings/freeze';
import { filingPackage } from '../../../shared/filings/resolve';
import { emptyHealthRiskDoc } from '../../../shared/reports/safety';
import { bundledFonts } from '../../helpers/fonts';
import { readPdf, squash } from '../../helpers/pdf';
import { baseline } from '../changes/fixture';
import { LATE_REPORT } from '../../helpers/safety-docs';

it('freezes a late SAE with its 遅延理由書, addressed to the bureau', async () => {
  expect(filingPackage({ kind: 'serious-adverse-event' }, 'B')).toBe('new-b');
  const b = baseline();
  const doc = { ...LATE_REPORT, reportDate: '2028-03-10', delayReason: '遅れた理由' };
  const copy = await freezeFiling({ ...b, kind: 'serious-adverse-event', filingDate: '2028-03-21', filedOn: '2028-03-21', doc }, 'sae-1', bundledFonts(), '2028-03-21T00:00:00.000Z');
  expect(copy.addressee).toBe('関東信越厚生局長');
  expect(copy.files.map((f) => f.name)).toHaveLength(2);
  const pdf = copy.files[0];
  const text = squash((await readPdf(new Uint8Array(Buffer.from(pdf?.base64 ?? '', 'base64')))).pages.map((p) => p.text).join(''));
  expect(text).toContain('遅延理由書');
  expect(text).toContain('６．報告日：令和１０年３月２１日');
  const hr = await freezeFiling({ ...b, kind: 'health-risk', filingDate: '2028-03-21', filedOn: '2028-03-21', doc: emptyHealthRiskDoc() }, 'hr', bundledFonts(), '2028-03-21T00:00:00.000Z');
  expect(hr.files.map((f) => f.name.replace(/^.*_/, ''))).toEqual(['健康危険情報.pdf', '健康危険情報.docx']);
  const none = await freezeFiling({ ...b, kind: 'health-risk', filingDate: '2028-03-21', filedOn: '2028-03-21' }, 'hr', bundledFonts(), '2028-03-21T00:00:00.000Z').catch((e: unknown) => e);
  expect(String(none)).toContain('報告書の内容がまだありません');
});
