import { expect, type Page } from '@playwright/test';
import { FORMS, formKey } from '../../shared/forms/registry';

/**
 * Every screen of the app with the sample project loaded, for the checks that must hold on all of
 * them (issue 12: no input hides its text, no serious axe-core violation).
 */
export interface Screen {
  /** What a user calls the screen. */
  readonly name: string;
  /** Opens the screen and waits until it shows its content. */
  readonly open: (page: Page) => Promise<void>;
}

/** Opens the sample (「サンプルを開く」 on the project list) and returns its project id. */
export async function openSample(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'サンプルを開く' }).click();
  await page.getByRole('heading', { level: 1, name: /^サンプル：/ }).waitFor();
  const id = /#\/projects\/([^/]+)$/.exec(page.url())?.[1];
  if (!id) throw new Error(`no project id in ${page.url()}`);
  return id;
}

async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // 読み込み中… / 点検中… (a hidden one may stay in a closed panel).
  await expect(page.locator('.loading:visible')).toHaveCount(0, { timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

function route(name: string, hash: string): Screen {
  return {
    name,
    open: async (page) => {
      await page.goto(`/#${hash}`);
      await settle(page);
    },
  };
}

export function everyScreen(projectId: string): Screen[] {
  const p = `/projects/${projectId}`;
  return [
    route('案件一覧', '/'),
    route('案件', p),
    {
      name: '提出の記録（提出済みにする）',
      open: async (page) => {
        await page.goto(`/#${p}`);
        await settle(page);
        await page.getByLabel('追加する届出・報告').selectOption({ label: '協力医療機関の追加' });
        await page.getByRole('button', { name: '届出・報告を追加' }).click();
        const item = page.getByRole('list', { name: '届出・報告' }).getByRole('listitem').filter({ hasText: '協力医療機関の追加' }).last();
        await item.getByRole('button', { name: '提出済みにする' }).click();
        await page.getByRole('dialog').waitFor();
      },
    },
    ...FORMS.map((f) => route(`${f.number} ${f.title}`, `${p}/forms/${formKey(f)}`)),
    route('事前相談申込書', `${p}/jizen-soudan`),
    route('費用の計算', `${p}/cost`),
    route('実施医療機関（協力医療機関）', `${p}/sites`),
    route('チェック結果', `${p}/check`),
    route('書類一式の出力', `${p}/package`),
    route('職員名簿', '/roster'),
    route('マスタ（委員会）', '/masters/committees'),
    route('マスタ（品目）', '/masters/products'),
    route('マスタ（機器）', '/masters/equipment'),
    route('マスタ（診療科）', '/masters/departments'),
    route('マスタ（定型文）', '/masters/phrases'),
    route('この案件をもとに新しい案件を作る', `${p}/carry`),
    route('検索', '/search'),
    route('バックアップ', '/backup'),
    route('設定', '/settings'),
    route('すべての期限', '/deadlines'),
    // Last: each opens from the project page (a dialog left open by the 提出の記録 screen would cover it).
    {
      name: '変更申請（作成中、変更箇所を読み込んだ後）',
      open: async (page) => {
        await page.goto(`/#${p}`);
        await settle(page);
        await page.getByLabel('追加する届出・報告').selectOption({ label: '変更申請' });
        await page.getByRole('button', { name: '届出・報告を追加' }).click();
        await page.getByRole('link', { name: '変更申請を作成・編集' }).click();
        await settle(page);
        await page.getByRole('button', { name: '変更箇所を読み込む', exact: true }).click();
        await page.getByRole('group', { name: '変更内容 1', exact: true }).waitFor();
      },
    },
    {
      name: '変更申請（サンプルの提出済み）',
      open: async (page) => {
        await page.goto(`/#${p}`);
        await settle(page);
        await page.getByRole('link', { name: '変更申請を開く' }).first().click();
        await settle(page);
      },
    },
    {
      name: '定期報告（作成中）',
      open: async (page) => {
        await page.goto(`/#${p}`);
        await settle(page);
        await page.getByLabel('追加する届出・報告').selectOption({ label: '定期報告' });
        await page.getByRole('button', { name: '届出・報告を追加' }).click();
        await page.getByRole('link', { name: '報告を作成・編集' }).last().click();
        await settle(page);
      },
    },
    {
      name: '照会事項に対する回答（作成中）',
      open: async (page) => {
        await page.goto(`/#${p}`);
        await settle(page);
        await page.getByLabel('追加する届出・報告').selectOption({ label: '照会事項に対する回答' });
        await page.getByRole('button', { name: '届出・報告を追加' }).click();
        await page.getByRole('link', { name: '回答を作成・編集' }).last().click();
        await settle(page);
        await page.getByRole('button', { name: '照会事項を追加' }).click();
      },
    },
  ];
}
