import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { loadApp, readTable, setTemperature, visitLanguageAndSideBySide } from './app.ts';
import { distinctColours } from './browser.ts';
import { useBrowserPages } from './pages.ts';

/** The long test trains a model and visits every screen: more than the default minute on a busy machine. */
const LONG_TEST_MS = 120_000;

const pages = useBrowserPages();

/** The built page's policy, as the browser parsed it, split into directive → sources. */
async function readPolicy(page: Page): Promise<Map<string, string[]>> {
  const content = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  expect(content).toBeTruthy();
  return new Map(
    (content ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name, sources] as [string, string[]]),
  );
}

test('the built page carries a strict CSP: no eval, no inline script', async () => {
  const response = await fetch(inject('baseUrl'));
  const html = await response.text();
  // Every script of the page is a file: none has inline code, so script-src needs no 'unsafe-inline'.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i); // no inline event handlers either

  const page = await pages.open();
  await page.goto(inject('baseUrl'));
  const policy = await readPolicy(page);
  // 'wasm-unsafe-eval' compiles llama.cpp's WebAssembly (not JavaScript eval); wllama's worker is a blob:
  // URL and fetches the wasm from one; a model comes from an https address the person gives.
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
  expect(policy.get('connect-src')).toEqual(["'self'", 'blob:', 'https:']);
  for (const sources of policy.values()) {
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-inline'");
  }
});

test(
  'every screen, a custom formula and a temperature with units run without a CSP violation',
  async () => {
    const page = await pages.open();
    // Registered before any of the page's scripts run, so that a violation during start-up is caught too.
    await page.addInitScript(() => {
      const reports: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = reports;
      document.addEventListener('securitypolicyviolation', (event) => {
        reports.push(
          `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

    await loadApp(page, `${inject('baseUrl')}#physics`);
    await page.locator('canvas').first().waitFor();
    // pixi.js compiles its shaders without eval (pixi.js/unsafe-eval); the canvas shows it drew.
    await expect.poll(() => distinctColours(page, 'canvas')).toBeGreaterThan(2);

    // The formula sandbox parses with mathjs.
    await page.selectOption('#system-select', 'formula');
    await page.fill('#formula-energy', '0.5 * n^2 + sqrt(n)');
    await page.click('#formula-panel button[type=submit]');
    await expect.poll(async () => (await readTable(page))[4]?.level).toBe('n = 4');
    expect(await page.getAttribute('#formula-energy', 'aria-invalid')).toBeNull();

    // Units go through mathjs's Unit parser.
    await page.selectOption('#system-select', 'rigid-rotor');
    await page.selectOption('#temperature-unit', 'K');
    await setTemperature(page, '300 K');
    await expect.poll(() => page.textContent('#readout-temperature')).toContain('300 K');

    // The language screen trains in a module worker and fetches a bundled corpus.
    await visitLanguageAndSideBySide(page);
    await expect.poll(() => page.locator('#parallel-tables-heading').isVisible()).toBe(true);

    // Then every tab, so that a screen added later is checked without editing this test.
    const tabs = await page.$$eval('a.screen-tab', (links) =>
      links.map((link) => link.id.replace(/^tab-/, '')),
    );
    expect(tabs).toEqual(expect.arrayContaining(['physics', 'language', 'parallel']));
    for (const tab of tabs) {
      await page.click(`#tab-${tab}`);
      await expect
        .poll(() =>
          page.$eval(`#screen-${tab}`, (host) => !(host as HTMLElement).hidden && host.childElementCount > 0),
        )
        .toBe(true);
    }

    // The tabs change only the hash, so this one document saw every screen and its list has every report.
    expect(await violations()).toEqual([]);
    expect(pages.errors()).toEqual([]);
  },
  LONG_TEST_MS,
);
