import { expect, test } from '@playwright/test';
import { createProject, waitSaved } from './helpers';

/**
 * Issue 17: typing never waits for layout. A key's own task changes the field and schedules the
 * rest; the A4 preview (and after it the check) follows in later tasks, always ending on the
 * latest text.
 */
test('様式第3号：キー入力の処理はプレビューの組版を待たず、プレビューはその後で最新の入力を表示する', async ({ page }) => {
  await createProject(page, '入力の速さ');
  await page.getByRole('link', { name: /様式第3号 先進医療の実施計画/ }).first().click();
  const field = page.getByLabel('６．治療計画');
  await field.fill('検体の採取方法');
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('検体の採取方法');
  await waitSaved(page);

  // One key, as the browser delivers it (the text changes, then `input` fires), and what the
  // screen holds when that event's task ends.
  const inTask = await field.evaluate((el) => {
    const area = el as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, `${area.value}と検査方法`);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    return { field: area.value, preview: document.querySelector('[data-testid="preview"]')?.textContent ?? '' };
  });
  expect(inTask.field).toBe('検体の採取方法と検査方法');
  expect(inTask.preview).toContain('検体の採取方法');
  expect(inTask.preview, 'the key’s own task did not lay the form out again').not.toContain('検体の採取方法と検査方法');
  await expect(preview).toContainText('検体の採取方法と検査方法');

  // A quick burst of keys: the preview ends on the last text, never on one before it.
  await field.press('End');
  await field.pressSequentially('、機器の使い方は手順書のとおり', { delay: 0 });
  await expect(preview).toContainText('検体の採取方法と検査方法、機器の使い方は手順書のとおり');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('６．治療計画')).toHaveValue('検体の採取方法と検査方法、機器の使い方は手順書のとおり');
  await expect(page.getByTestId('preview')).toContainText('検体の採取方法と検査方法、機器の使い方は手順書のとおり');
});
