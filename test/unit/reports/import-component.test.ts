import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppServices } from '../../../renderer/app/context';
import type { Repositories } from '../../../renderer/db/repositories';
import { CaseImport } from '../../../renderer/features/reports/CaseImport';
import { emptyReportDoc } from '../../../shared/reports/model';

/**
 * Issue 14 item 3: the import component renders on its own (the report screen mounts it). No DOM
 * library (jsdom) is installed, so it is rendered to HTML; the screen's Playwright test drives it.
 */
describe('CaseImport', () => {
  it('renders the labelled file input and both export buttons, and no preview before a file is chosen', () => {
    const services: AppServices = {
      // Never used by the component: it only saves files.
      repos: Object.create(null) as Repositories,
      platform: { kind: 'browser', saveFile: () => Promise.resolve({ status: 'cancelled' }), print: () => Promise.resolve(undefined) },
    };
    const html = renderToStaticMarkup(
      createElement(AppContext, { value: services }, createElement(CaseImport, { doc: emptyReportDoc('periodic-report'), onCommit: () => undefined })),
    );
    expect(html).toMatch(/<label class="btn file-pick">症例ファイルを取り込む（Excel・CSV）<input type="file" accept="\.xlsx,\.csv[^"]*"/);
    expect(html).toContain('>症例をExcelで書き出す</button>');
    expect(html).toContain('>症例をCSVで書き出す</button>');
    expect(html).toMatch(/<label for="[^"]+">CSVの文字コード<\/label><select id=/);
    expect(html).not.toContain('取り込む</button>');
  });
});
