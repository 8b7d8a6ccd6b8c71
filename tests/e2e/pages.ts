import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { loadApp } from './app.ts';
import { launchBrowser, type PageProblems, watchForProblems } from './browser.ts';

type Viewport = { width: number; height: number };

export interface BrowserPages {
  /**
   * A new page in a fresh context (its own storage and service worker), watched for problems; it must
   * end its test with none, and is closed with its context after it.
   */
  open(viewport?: Viewport): Promise<Page>;
  /** Another page in `page`'s context (it shares the storage), watched and closed the same way. */
  openBeside(page: Page): Promise<Page>;
  /** The app in a new page (as `open`), once its occupancy table shows. */
  openApp(viewport?: Viewport): Promise<Page>;
  /** The problems the pages of this test have reported so far, for a check in the middle of a test. */
  errors(): string[];
  /**
   * Problems this test causes on purpose (a 404 it asks for, a download it cancels): reports matching a
   * pattern do not fail the test. Returns the matching reports seen so far, for the test to check.
   */
  expectProblems(...patterns: RegExp[]): () => string[];
}

/** One browser for the test file and fresh pages per test: registers the hooks that launch, check and close. */
export function useBrowserPages(): BrowserPages {
  let browser: Browser | undefined;
  let opened: { page: Page; problems: PageProblems }[] = [];
  let expected: RegExp[] = [];
  const isExpected = (problem: string) => expected.some((pattern) => pattern.test(problem));
  const reports = () => opened.flatMap(({ problems }) => problems.errors);
  const errors = () => reports().filter((problem) => !isExpected(problem));
  const watch = (page: Page) => {
    opened.push({ page, problems: watchForProblems(page) });
    return page;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    // What the pages reported during the test; closing them is not part of it.
    const reported = errors();
    const contexts = new Set<BrowserContext>(opened.map(({ page }) => page.context()));
    opened = [];
    expected = [];
    for (const context of contexts) await context.close();
    expect(reported).toEqual([]);
  });
  const open = async (viewport: Viewport = { width: 1280, height: 800 }) => {
    if (!browser) throw new Error('useBrowserPages() opens pages only inside tests.');
    const context = await browser.newContext({ viewport });
    return watch(await context.newPage());
  };
  return {
    open,
    async openBeside(page) {
      return watch(await page.context().newPage());
    },
    async openApp(viewport) {
      const page = await open(viewport);
      await loadApp(page);
      return page;
    },
    errors,
    expectProblems(...patterns) {
      expected.push(...patterns);
      return () => reports().filter((problem) => patterns.some((pattern) => pattern.test(problem)));
    },
  };
}
