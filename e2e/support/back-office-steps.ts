/**
 * Staff steps in the back office, shared by the browser tests: sign in, open a dossier, and perform an action
 * through the dossier page's buttons and modal.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { TestUser } from '../../src/server/test/factories';
import { submitSignIn } from './pages';
import { openPage, type BrowserTestEnvironment } from './setup';

/** A fresh browser context signed in as `user`, on the back-office home. */
export async function signedIn(env: BrowserTestEnvironment, user: TestUser, home = '**/can-bo'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const opened = await openPage(env);
  await opened.page.goto('/dang-nhap');
  await submitSignIn(opened.page, user.login, user.password);
  await opened.page.waitForURL(home);
  return opened;
}

/** Clicks the action's button on the dossier page, fills its modal, confirms, and waits for the new status. */
export async function act(page: Page, label: string, status: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(label, { exact: true }).waitFor();
  if (fill) await fill(dialog);
  const confirm = dialog.getByRole('button', { name: 'Xác nhận' });
  await confirm.click();
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  } catch {
    // Say what the modal shows when the API refused; otherwise the click was lost (seen once in CI while the modal
    // was still animating): click again — the modal keeps its action id, so a repeated request is harmless.
    const shown = await dialog.locator('.ant-alert, .ant-form-item-explain-error').allInnerTexts();
    if (shown.length > 0) throw new Error(`${label}: ${shown.join(' | ')}`);
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await page.locator('h1 + .ant-tag, .ant-tag').filter({ hasText: status }).first().waitFor();
  // The API decides the buttons: the action just done is not offered again by the same status.
}

/** Signs in as `user` and opens the back-office page of the dossier. */
export async function openDossier(env: BrowserTestEnvironment, user: TestUser, id: string) {
  const opened = await signedIn(env, user);
  await opened.page.goto(`/can-bo/ho-so/${id}`);
  await opened.page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hồ sơ ' }).waitFor();
  return opened;
}
