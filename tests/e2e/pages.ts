import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, type PageProblems, watchForProblems } from './browser.ts';

export interface BrowserPages {
  /** A new page, watched for problems; it must end its test with none, and is closed after it. */
  open(viewport?: { width: number; height: number }): Promise<Page>;
}

/** One browser for the test file and fresh pages per test: registers the hooks that launch, check and close. */
export function useBrowserPages(): BrowserPages {
  let browser: Browser | undefined;
  let opened: { page: Page; problems: PageProblems }[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const { page } of pages) await page.close();
    expect(pages.flatMap(({ problems }) => problems.errors)).toEqual([]);
  });
  return {
    async open(viewport = { width: 1280, height: 800 }) {
      if (!browser) throw new Error('useBrowserPages() opens pages only inside tests.');
      const page = await browser.newPage({ viewport });
      opened.push({ page, problems: watchForProblems(page) });
      return page;
    },
  };
}
