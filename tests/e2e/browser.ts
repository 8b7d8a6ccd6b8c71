import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright';

const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser to test with: CHROME_PATH or CHROMIUM_PATH if set, else a system install. */
export function findChromium(): string {
  const fromEnvironment = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) {
      throw new Error(`CHROME_PATH points to ${fromEnvironment}, which does not exist.`);
    }
    return fromEnvironment;
  }
  const found = CANDIDATE_PATHS.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'The browser tests need Chromium or Chrome and found none. On Debian or Ubuntu: ' +
      '`sudo apt-get install -y chromium`. Elsewhere install Chrome and set CHROME_PATH=/path/to/chrome.',
  );
}

/** Headless Chromium with software WebGL and none of its background traffic; `extraArgs` are added to its flags. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}

/** Everything the page reported that a user would call broken. */
export interface PageProblems {
  errors: string[];
}

/** Records console errors, uncaught exceptions and failed requests; the tests assert it stays empty. */
export function watchForProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  return problems;
}

/** Counts the distinct colours in a screenshot of an element, decoded inside the page itself. */
export async function distinctColours(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).first().screenshot();
  return page.evaluate(async (base64) => {
    // Decoded without fetch(data:…), which the page's CSP (connect-src 'self') blocks.
    const blob = new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], {
      type: 'image/png',
    });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) {
      colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      if (colours.size > 64) break;
    }
    return colours.size;
  }, png.toString('base64'));
}
