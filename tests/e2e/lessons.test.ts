import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { loadApp, pause, readTable, setTemperature, stepCount, type TableRow } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

async function enter(page: Page, selector: string, text: string): Promise<void> {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}

async function openPanel(page: Page): Promise<void> {
  if (!(await page.isVisible('#lessons-panel'))) await page.click('#lessons-open');
  await page.locator('#lessons-panel').waitFor();
}

async function closePanel(page: Page): Promise<void> {
  await page.click('#lessons-close');
  await page.locator('#lessons-panel').waitFor({ state: 'hidden' });
}

/** Adds the current view as a slide with this caption; the panel is closed again after. */
async function addSlide(page: Page, caption: string): Promise<void> {
  await openPanel(page);
  const before = await page.locator('#slide-list .slide-item').count();
  await page.fill('#slide-caption', caption);
  await page.click('#slide-add');
  await expect.poll(() => page.locator('#slide-list .slide-item').count()).toBe(before + 1);
  expect(await page.textContent('#slide-add-error')).toBe('');
  await closePanel(page);
}

async function takeSteps(page: Page, count: number): Promise<void> {
  const before = await stepCount(page);
  for (let i = 0; i < count; i++) await page.click('#step-button');
  await expect.poll(() => stepCount(page)).toBe(before + count);
}

interface Recorded {
  hash: string;
  physics: TableRow[];
  parallelTheory?: number[];
}

/**
 * Builds a lesson of three slides on two screens at different temperatures and steps, recording what
 * each slide showed: the physics table (the same draws come back) and, on the side-by-side screen, its
 * theory column (its particles are not part of a link).
 */
async function buildLesson(page: Page): Promise<Recorded[]> {
  await pause(page);
  await openPanel(page);
  await page.click('#lesson-new');
  await page.fill('#lesson-title-input', 'Cold, warm, and side by side');
  await closePanel(page);
  const recorded: Recorded[] = [];

  // The settings first, then the seed (a reset): from there the steps replay exactly.
  await setTemperature(page, '0.7');
  await enter(page, '#seed-input', '11');
  await takeSteps(page, 3);
  recorded.push({ hash: '#physics', physics: await readTable(page) });
  await addSlide(page, 'The oscillator at $T = 0.7$, three steps in.');

  await page.selectOption('#system-select', 'two-level');
  await setTemperature(page, '-0.5');
  await enter(page, '#seed-input', '5');
  await takeSteps(page, 7);
  recorded.push({ hash: '#physics', physics: await readTable(page) });
  await addSlide(page, 'Inverted\n\nAt $T = -0.5$ the upper level holds more.');

  await page.click('#tab-parallel');
  await page.locator('#pp-occupancy-table tbody tr').first().waitFor();
  await enter(page, '#linked-temperature-input', '2.5');
  await expect
    .poll(async () => (await readTable(page, 'pp-occupancy-table'))[0].theory)
    .toBeCloseTo(0.4636, 3);
  recorded.push({
    hash: '#parallel',
    physics: recorded[1].physics,
    parallelTheory: (await readTable(page, 'pp-occupancy-table')).map((row) => row.theory),
  });
  await addSlide(page, 'Both ladders at $T = t = 2.5$.');
  return recorded;
}

/** Moves the app away from every slide, so that playing has to restore each one. */
async function scramble(page: Page): Promise<void> {
  if (await page.isVisible('#lessons-panel')) await closePanel(page);
  await page.click('#tab-physics');
  await pause(page);
  await page.selectOption('#system-select', 'rigid-rotor');
  await setTemperature(page, '3');
  await takeSteps(page, 2);
}

async function expectSlide(page: Page, n: number, recorded: Recorded): Promise<void> {
  // A slide on the side-by-side screen mounts it and trains the language model: slow on a loaded machine.
  await page.locator(`#lesson-overlay[data-applied="${n}"]`).waitFor({ timeout: 120_000 });
  expect(await page.textContent('#lesson-position')).toBe(`${n} / 3`);
  expect(await page.evaluate(() => location.hash)).toBe(recorded.hash);
  expect(await readTable(page)).toEqual(recorded.physics);
  if (recorded.parallelTheory) {
    // The slide is applied to the models at once; the side-by-side screen it opens mounts after (its code
    // and, in a fresh browser, the language model's training come first), so its table fills a moment later.
    await expect
      .poll(async () => (await readTable(page, 'pp-occupancy-table')).map((row) => row.theory), {
        timeout: 120_000,
      })
      .toEqual(recorded.parallelTheory);
  }
  expect(await page.textContent('#lesson-refused')).toBe('');
}

async function playThrough(page: Page, recorded: Recorded[]): Promise<void> {
  await expectSlide(page, 1, recorded[0]);
  await page.keyboard.press('PageDown');
  await expectSlide(page, 2, recorded[1]);
  await page.keyboard.press('PageDown');
  await expectSlide(page, 3, recorded[2]);
  await page.keyboard.press('PageUp');
  await expectSlide(page, 2, recorded[1]);
  await page.keyboard.press('PageUp');
  await expectSlide(page, 1, recorded[0]);
}

test('a lesson built from the app plays with Page Down / Page Up, each slide restoring its table', async () => {
  const page = await pages.openApp();
  const recorded = await buildLesson(page);
  expect(new Set(recorded.map((slide) => JSON.stringify(slide.physics))).size).toBe(2);
  await scramble(page);
  await openPanel(page);
  await page.click('#lesson-play');
  await expect.poll(() => page.isVisible('#lessons-panel')).toBe(false);
  expect(await page.textContent('#lesson-caption')).toContain('The oscillator at');
  await playThrough(page, recorded);
  // The visible buttons do the same as the keys.
  await page.click('#lesson-next');
  await expectSlide(page, 2, recorded[1]);
  expect(await page.textContent('#lesson-caption .lesson-caption-title')).toBe('Inverted');
  await page.click('#lesson-end');
  await expect.poll(() => page.locator('#lesson-overlay').count()).toBe(0);
  // The panel comes back where it was, its lesson intact.
  await expect.poll(() => page.isVisible('#lessons-panel')).toBe(true);
  expect(await page.locator('#slide-list .slide-item').count()).toBe(3);
}, 400_000);

test('slides are reordered with the keyboard, re-captioned and deleted; all of it survives a reload and a language switch', async () => {
  const page = await pages.openApp();
  await pause(page);
  await openPanel(page);
  await page.click('#lesson-new');
  for (const caption of ['first', 'second', 'third']) {
    await page.fill('#slide-caption', caption);
    await page.click('#slide-add');
  }
  const captions = () =>
    page.$$eval('#slide-list .slide-caption', (items) => items.map((item) => item.textContent));
  await expect.poll(captions).toEqual(['first', 'second', 'third']);
  // Keyboard only: focus "move slide 3 up", press Enter twice; the focus follows the slide.
  await page.focus('#slide-up-3');
  await page.keyboard.press('Enter');
  await expect.poll(captions).toEqual(['first', 'third', 'second']);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('slide-up-2');
  await page.keyboard.press('Enter');
  await expect.poll(captions).toEqual(['third', 'first', 'second']);
  await page.click('#slide-edit-2');
  await page.fill('#slide-caption-edit-2', 'first, edited');
  await page.click('#slide-save-2');
  await page.click('#slide-delete-3');
  await expect.poll(captions).toEqual(['third', 'first, edited']);
  await page.reload();
  await page.locator('#occupancy-table tbody tr').first().waitFor();
  await openPanel(page);
  await expect.poll(captions).toEqual(['third', 'first, edited']);
  await page.selectOption('#language-select', 'ru');
  await expect.poll(() => page.textContent('#lessons-heading')).toBe('Уроки');
  expect(await page.isVisible('#lessons-panel')).toBe(true);
  await expect.poll(captions).toEqual(['third', 'first, edited']);
  // Deleting the lesson asks first.
  await page.click('#lesson-delete');
  await page.click('#lesson-delete-keep');
  expect(await page.locator('#lesson-select option').count()).toBe(1);
  await page.click('#lesson-delete');
  await page.click('#lesson-delete-confirm');
  await expect.poll(() => page.locator('#lesson-select option').count()).toBe(0);
  await page.reload();
  await page.locator('#occupancy-table tbody tr').first().waitFor();
  await openPanel(page);
  expect(await page.locator('#lesson-select option').count()).toBe(0);
}, 400_000);

test('export → import gives the same lesson', async () => {
  const page = await pages.openApp();
  const recorded = await buildLesson(page);
  await openPanel(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lesson-export')]);
  expect(download.suggestedFilename()).toBe('Cold-warm-and-side-by-side.json');
  const file = join(tmpdir(), `lesson-${process.pid}-${Date.now()}.json`);
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('boltzmann-lab-lesson');
  expect(exported.slides.map((slide: { screen: string }) => slide.screen)).toEqual([
    'physics',
    'physics',
    'parallel',
  ]);

  // Into a fresh browser with no lessons of its own.
  const other = await pages.open();
  await loadApp(other);
  await openPanel(other);
  await other.setInputFiles('#lesson-import', file);
  await expect
    .poll(() => other.textContent('#lesson-import-status'))
    .toContain('Cold, warm, and side by side');
  const stored = await other.evaluate(() =>
    JSON.parse(localStorage.getItem('boltzmann-lab.lessons.v1') ?? '{}'),
  );
  expect(stored.lessons.map((entry: { lesson: unknown }) => entry.lesson)).toEqual([exported]);
  await scramble(other);
  await openPanel(other);
  await other.click('#lesson-play');
  await playThrough(other, recorded);
}, 400_000);

test('a lesson shared as a link opens in another browser and plays the same slides', async () => {
  const page = await pages.openApp();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const recorded = await buildLesson(page);
  await openPanel(page);
  await page.click('#lesson-share');
  await expect.poll(() => page.textContent('#lesson-share-status')).toContain('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\?lesson=[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThan(4000);

  const other = await pages.open();
  await other.goto(url);
  // The first page still trains its language model: on a loaded machine this one starts slowly.
  await other.locator('#occupancy-table tbody tr').first().waitFor({ timeout: 120_000 });
  await expect.poll(() => other.textContent('#lesson-offer')).toContain('Cold, warm, and side by side');
  expect(await other.textContent('#lesson-offer')).toContain('3 slides');
  await other.click('#lesson-offer-save');
  await other.click('#lesson-offer-play');
  await playThrough(other, recorded);
  await other.click('#lesson-end');
  // Saved: a reload of the plain address still has it.
  await other.goto(inject('baseUrl'));
  await other.locator('#occupancy-table tbody tr').first().waitFor();
  await openPanel(other);
  expect(await other.inputValue('#lesson-title-input')).toBe('Cold, warm, and side by side');
}, 400_000);

/** The `lesson=` value of `text` deflated in the page, as a hostile link would carry it. */
async function deflatedInPage(page: Page, text: string | { spaces: number }): Promise<string> {
  return page.evaluate(async (text) => {
    const body = typeof text === 'string' ? text : `{"title": "${' '.repeat(text.spaces)}"}`;
    const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, text);
}

const VALID = {
  format: 'boltzmann-lab-lesson',
  version: 1,
  title: 'Fine',
  slides: [{ screen: 'physics', view: 'T=2&seed=1', caption: 'ok' }],
};

test('hostile lesson files are refused next to the control, and the lessons already there stay', async () => {
  const page = await pages.openApp();
  await openPanel(page);
  await page.click('#lesson-new');
  await page.fill('#slide-caption', 'kept');
  await page.click('#slide-add');
  const stored = () => page.evaluate(() => localStorage.getItem('boltzmann-lab.lessons.v1'));
  const before = await stored();
  const hostile: [string, string, RegExp][] = [
    ['oversized', JSON.stringify({ ...VALID, title: 'x'.repeat(300 * 1024) }), /at most 256 KB/],
    ['bad-json', '{"format": "boltzmann-lab-lesson", "slides": [', /not valid JSON/],
    [
      'bad-view',
      JSON.stringify({ ...VALID, slides: [{ ...VALID.slides[0], view: 'T=warm&N=-5' }] }),
      /Slide 1 .*refuses: T, N/,
    ],
    [
      'proto',
      `{"__proto__": {"x": 1}, ${JSON.stringify(VALID).slice(1)}`,
      /"__proto__", which is not allowed/,
    ],
    [
      'screen',
      JSON.stringify({ ...VALID, slides: [{ ...VALID.slides[0], screen: 'admin' }] }),
      /screen the app does not have/,
    ],
    ['markup', JSON.stringify({ ...VALID, title: 5 }), /title must be text/],
  ];
  for (const [name, text, message] of hostile) {
    const file = join(tmpdir(), `hostile-${name}-${process.pid}.json`);
    writeFileSync(file, text);
    await page.setInputFiles('#lesson-import', file);
    await expect.poll(() => page.textContent('#lesson-import-error'), { message: name }).toMatch(message);
    expect(await stored()).toBe(before);
    expect(await page.locator('#lesson-select option').count()).toBe(1);
  }
  // A good file after the bad ones clears the message.
  const good = join(tmpdir(), `good-${process.pid}.json`);
  writeFileSync(good, JSON.stringify(VALID));
  await page.setInputFiles('#lesson-import', good);
  await expect.poll(() => page.locator('#lesson-select option').count()).toBe(2);
  expect(await page.textContent('#lesson-import-error')).toBe('');
});

test('hostile lesson links (a zip bomb, bad JSON, a bad view) are refused with the reason; the rest of the link applies', async () => {
  const probe = await pages.openApp();
  const links: [string, RegExp][] = [
    // 5 MB of spaces deflate to about 7 KB of link: an address a server takes, far beyond the limit inflated.
    [await deflatedInPage(probe, { spaces: 5 * 1024 * 1024 }), /unpacks to more than 256 KB/],
    [await deflatedInPage(probe, '{"format": '), /not valid JSON/],
    [
      await deflatedInPage(
        probe,
        JSON.stringify({ ...VALID, slides: [{ ...VALID.slides[0], view: 'seed=-1' }] }),
      ),
      /refuses: seed/,
    ],
    ['%%%not-base64', /damaged/],
  ];
  for (const [value, message] of links) {
    const page = await pages.open();
    await loadApp(page, `${inject('baseUrl')}?sys=two-level&T=0.3&lesson=${value}#physics`);
    await expect.poll(() => page.textContent('#notices')).toMatch(message);
    expect(await page.textContent('#notices')).toContain('The lesson in this link was not opened');
    expect(await page.inputValue('#system-select')).toBe('two-level');
    expect(await page.textContent('#readout-temperature')).toContain('0.3');
    expect(await page.locator('#lesson-offer').count()).toBe(0);
    expect(await page.locator('#lesson-overlay').count()).toBe(0);
    await page.close();
  }
}, 400_000);

/**
 * The stage's visible words outside <math> that still read as a formula's source (TeX, a dollar, a plain
 * subscript such as p_i), and how many typeset formulas its caption holds.
 */
function stageFormulas(page: Page): Promise<{ leftovers: string[]; captionFormulas: number }> {
  return page.evaluate(() => {
    const FORMULA_SYNTAX = /\^\{|_\{|\\[A-Za-z]{2,}|\$|\b[A-Za-z]_[A-Za-z0-9]|\be\^/;
    const stage = document.getElementById('stage-view');
    const leftovers: string[] = [];
    if (stage) {
      const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (FORMULA_SYNTAX.test(text) && !node.parentElement?.closest('math'))
          leftovers.push(text.slice(0, 80));
      }
    }
    return { leftovers, captionFormulas: document.querySelectorAll('#lesson-caption math').length };
  });
}

async function playEveryBundledLesson(page: Page): Promise<void> {
  for (const id of ['tour', 'seed-story', 'physics']) {
    await openPanel(page);
    await page.click(`#bundled-play-${id}`);
    await page.locator('#lesson-overlay[data-applied="1"]').waitFor();
    const total = Number(await page.getAttribute('#lesson-overlay', 'data-total'));
    expect(total).toBeGreaterThanOrEqual(8);
    for (let slide = 1; slide <= total; slide++) {
      if (slide > 1) await page.keyboard.press('PageDown');
      await page.locator(`#lesson-overlay[data-applied="${slide}"]`).waitFor();
      expect(await page.textContent('#lesson-refused'), `${id} slide ${slide}`).toBe('');
      expect(((await page.textContent('#lesson-caption')) ?? '').length).toBeGreaterThan(40);
      // Captions are written with $…$ formulas: on the stage each is typeset, none left as its source.
      await expect.poll(() => page.locator('#stage-view .math-pending').count(), { timeout: 30_000 }).toBe(0);
      expect(await page.locator('#stage-view .math-error').allTextContents()).toEqual([]);
      const { leftovers, captionFormulas } = await stageFormulas(page);
      expect(leftovers, `${id} slide ${slide}`).toEqual([]);
      expect(captionFormulas, `${id} slide ${slide}`).toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#lesson-overlay').count()).toBe(0);
  }
}

test('every bundled lesson plays to its end in English with nothing refused', async () => {
  const page = await pages.openApp();
  await playEveryBundledLesson(page);
}, 400_000);

test('every bundled lesson plays to its end in Russian with nothing refused', async () => {
  const page = await pages.open();
  await loadApp(page, `${inject('baseUrl')}?lang=ru`);
  await openPanel(page);
  await expect.poll(() => page.textContent('#bundled-lessons')).toContain('Экскурсия');
  await playEveryBundledLesson(page);
}, 400_000);
