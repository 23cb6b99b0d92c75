import type { Locator, Page } from 'playwright-core';

/**
 * Clicks a form's button and waits for the page the form leads to: after a redirect the page it
 * redirects to, else the form's page again. Its HTTP status.
 */
export async function submit(button: Locator): Promise<number> {
  const [response] = await Promise.all([button.page().waitForNavigation(), button.click()]);
  return response!.status();
}

/** Where the browser is: path, query and fragment. */
export function address(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The confirmation of the last form, as the page after it says it once. */
export const confirmation = (page: Page) => page.locator('.notice--success[role="status"]').textContent();
