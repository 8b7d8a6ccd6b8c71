import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { MAX_DRAWN_PARTICLES } from '../../src/core/simulation.ts';
import { launchBrowser, watchForProblems } from './browser.ts';

/**
 * Seeded UI fuzzing: random clicks, drags, key presses (on the page and on a focused slider or select)
 * and typed values across every screen, checking all the while that the page never errors, never shows
 * NaN/Infinity/undefined, never runs injected markup, and never stops drawing frames. Each run tries
 * several seeds, FUZZ_SECONDS each, on a fresh page (one seed's path through the app misses what
 * another finds). The same FUZZ_SEED replays the same sequence of choices (the app's own timing can
 * still differ), so a failure prints the seed and the last actions to replay it:
 *
 *   FUZZ_SEED=1234 FUZZ_SECONDS=300 npx vitest run --project browser tests/e2e/fuzz.test.ts
 *   FUZZ_SEEDS=5 FUZZ_SECONDS=300 npx vitest run --project browser tests/e2e/fuzz.test.ts
 */
const FUZZ_SECONDS = Number(process.env.FUZZ_SECONDS ?? 20);
const BASE_SEED = 0xb0172;
/** FUZZ_SEED replays one seed; otherwise FUZZ_SEEDS (default 3) seeds spread from a fixed base. */
const FUZZ_SEEDS_TRIED: number[] = process.env.FUZZ_SEED
  ? [Number(process.env.FUZZ_SEED) >>> 0]
  : Array.from(
      { length: Number(process.env.FUZZ_SEEDS ?? 3) },
      (_, i) => (BASE_SEED + Math.imul(i, 0x9e3779b9)) >>> 0,
    );
/** How often the invariants are checked; each check waits for frames, so not after every action. */
const CHECK_EVERY_MS = 2000;
const ACTION_TIMEOUT_MS = 1500;

/** mulberry32: a tiny seeded PRNG, good enough to pick actions, and reproducible from one number. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The current seed's generator; each test starts its own. */
let random = mulberry32(BASE_SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (low: number, high: number) => low + random() * (high - low);

function garbage(length: number): string {
  const alphabet = 'abcXYZ019 .,;:!?@#$%^&*()[]{}<>/\\|"\'`~_-+=\t€ßπ∞°µÅ\u200b\u202e😀';
  const chars = Array.from(alphabet);
  let text = '';
  for (let i = 0; i < length; i++) text += pick(chars);
  return text;
}

const FIXED_VALUES = [
  '0',
  '1',
  '-0',
  '42',
  '3.14159',
  '1e3',
  '0.001',
  '1e-300',
  '1e308',
  '1e999',
  '-1e999',
  '99999999999999999999999999',
  '-1',
  '-273.15',
  '-5',
  'inf',
  '-inf',
  '+inf',
  'Infinity',
  'NaN',
  '∞',
  '300 K',
  '-5 m',
  '25 meV',
  '1200 cm^-1',
  '300 K K',
  '5 eV',
  '1 J',
  '0x10',
  '1,5',
  '１２',
  '',
  ' ',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'); alert(1); //",
  'javascript:alert(1)',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'import("x")',
  'import({})',
  'createUnit("x")',
  'evaluate("1")',
  '(1).constructor',
  'f(x)=x',
  'n[1]',
  'n^2',
  'sqrt(n)',
  '2n+1',
  'n^2 +',
  '1/0',
  '0/0',
  'log(0)',
  '{}',
  '[]',
  '{"a": 1}',
  '{"the": 0.5, "a":',
  '0, 1, 1, 2.5',
  '1, 2, NaN',
  '\u202e',
  '😀😀😀',
  'null',
  'undefined',
  'true',
];

/** A value to type: usually one of the fixed nasties, sometimes random garbage or a long string. */
function valueToType(): string {
  const roll = random();
  if (roll < 0.7) return pick(FIXED_VALUES);
  if (roll < 0.85) return garbage(1 + Math.floor(random() * 40));
  if (roll < 0.93) return pick(['9', 'x', '(', 'n+', 'the ']).repeat(1000 + Math.floor(random() * 9000));
  return String((random() - 0.5) * 10 ** Math.floor(between(-20, 30)));
}

const KEYS = [
  ' ',
  's',
  'r',
  '+',
  '-',
  '?',
  'p',
  't',
  'Escape',
  'Tab',
  'Shift+Tab',
  'Enter',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Backspace',
];

/** What a keyboard user presses on a focused slider or select (each moves its value). */
const CONTROL_KEYS = ['Home', 'End', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'];

const SCREEN_TABS = ['#tab-physics', '#tab-language', '#tab-parallel', '#tab-how'];

/** The words that mean a number went wrong somewhere ("∞" is a fine way to show infinity). */
const FORBIDDEN = /\b(NaN|Infinity|undefined)\b/;

interface Candidate {
  id: string;
  kind: 'click' | 'text' | 'number' | 'range' | 'select' | 'canvas';
}

/**
 * Tags every element a user could act on right now with data-fuzz (the tag only names it for the
 * next locator). Inside an open modal <dialog> only its contents count, as for a real user.
 */
function collectCandidates(): Candidate[] {
  const modal = document.querySelector('dialog:modal');
  const root: ParentNode = modal ?? document;
  const selector = [
    'button',
    'a[href^="#"]',
    'input',
    'textarea',
    'select',
    'summary',
    'canvas',
    '[tabindex]:not([tabindex="-1"])',
  ].join(',');
  const found: Candidate[] = [];
  let counter = 0;
  for (const element of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
    // Full screen cannot be left headlessly and file pickers open native dialogs: a user's choice, not ours.
    if (element.closest('#fullscreen-toggle, label[for="own-text-file"]')) continue;
    if (element instanceof HTMLInputElement && element.type === 'file') continue;
    if ((element as HTMLButtonElement).disabled) continue;
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;
    const id = String(counter++);
    element.dataset.fuzz = id;
    let kind: Candidate['kind'] = 'click';
    if (element instanceof HTMLTextAreaElement) kind = 'text';
    else if (element instanceof HTMLSelectElement) kind = 'select';
    else if (element instanceof HTMLCanvasElement) kind = 'canvas';
    else if (element instanceof HTMLInputElement) {
      if (element.type === 'range') kind = 'range';
      else if (element.type === 'number') kind = 'number';
      else if (['checkbox', 'radio', 'button', 'submit', 'reset', 'color'].includes(element.type))
        kind = 'click';
      else kind = 'text';
    }
    found.push({ id, kind });
  }
  return found;
}

/**
 * Visible text showing NaN/Infinity/undefined. The only pardon: a message or echo (not a readout or a
 * table, which only ever show computed values) that quotes something the fuzzer itself typed.
 */
function findForbiddenText(args: { pattern: string; typed: string[] }): string[] {
  const pattern = new RegExp(args.pattern);
  const hits: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const match = pattern.exec(text);
    if (!match) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template, textarea, option')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const computed = parent.closest('table, output, [id*="readout"], [id^="pipeline"], [id^="mapping"]');
    const echoed = args.typed.some((value) => value.includes(match[1]) && text.includes(value.trim()));
    if (echoed && !computed) continue;
    // The how-it-works article is fixed prose, which may explain that a sum "never turns into NaN".
    if (parent.closest('.how-it-works') && !computed) continue;
    const where = parent.id
      ? `#${parent.id}`
      : parent.closest('[id]')?.id
        ? `in #${parent.closest('[id]')?.id}`
        : parent.tagName;
    hits.push(`${where}: ${text.slice(0, 160)}`);
  }
  return hits;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test.each(FUZZ_SEEDS_TRIED)(
  `the UI survives ${FUZZ_SECONDS} s of seeded random input (FUZZ_SEED=%i)`,
  async (FUZZ_SEED) => {
    random = mulberry32(FUZZ_SEED);
    const baseUrl = inject('baseUrl');
    const origin = new URL(baseUrl).origin;
    const page: Page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const problems = watchForProblems(page);
    const downloads = new Set<string>();
    page.on('download', (download) => downloads.add(download.url()));
    const badDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      // The app's only dialog is the prompt offering the link when the clipboard refuses it; an alert or
      // confirm can only come from injected script.
      if (dialog.type() !== 'prompt') badDialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    await page.addInitScript(() => {
      const record: string[] = [];
      (window as unknown as { __fuzzRejections: string[] }).__fuzzRejections = record;
      window.addEventListener('unhandledrejection', (event) => {
        const reason = event.reason as { stack?: string } | undefined;
        record.push(String(reason?.stack ?? reason));
      });
    });

    const log: string[] = [];
    const typed = new Set<string>();
    let actions = 0;
    let refusedActions = 0;

    const fail = (what: string): never => {
      throw new Error(
        `${what}\n\nReplay with FUZZ_SEED=${FUZZ_SEED} (FUZZ_SECONDS=${FUZZ_SECONDS}); last actions:\n  ${log.slice(-25).join('\n  ')}`,
      );
    };

    const checkInvariants = async (): Promise<void> => {
      const errors = problems.errors.filter(
        (error) =>
          !Array.from(downloads).some((url) => error.includes(url)) && !/request failed: blob:/.test(error),
      );
      if (errors.length > 0) fail(`page problems:\n  ${errors.join('\n  ')}`);
      if (badDialogs.length > 0) fail(`a dialog fired (injected script ran?): ${badDialogs.join('; ')}`);
      if (new URL(page.url()).origin !== origin) fail(`navigated away from the app to ${page.url()}`);
      const rejections = await page.evaluate(
        () => (window as unknown as { __fuzzRejections?: string[] }).__fuzzRejections ?? [],
      );
      if (rejections.length > 0) fail(`unhandled promise rejections:\n  ${rejections.join('\n  ')}`);
      const injected = await page.locator('img[src="x"], script:not([src])').count();
      if (injected > 0) fail(`${injected} injected element(s) (img[src=x] or inline script) in the DOM`);
      const hits = await page.evaluate(findForbiddenText, {
        pattern: FORBIDDEN.source,
        typed: Array.from(typed),
      });
      if (hits.length > 0) fail(`visible NaN/Infinity/undefined:\n  ${hits.join('\n  ')}`);
      // Frames still come: two requestAnimationFrame callbacks (a frozen main thread, or a render loop
      // that threw and stopped, would not deliver them). Headless Chromium draws WebGL in software
      // (SwiftShader, about 28 µs per particle instance here), so a million drawn particles make one frame
      // take tens of seconds without anything being frozen: the wait allows 5 s plus 60 µs per drawn
      // particle. A real freeze never delivers the frames, however long the wait.
      const drawnParticles = await page.evaluate((maxDrawn) => {
        const counts = Array.from(document.querySelectorAll<HTMLInputElement>('input[id$="particle-input"]'))
          .filter((input) => input.offsetParent !== null)
          .map((input) => Number(input.value.replace(/[\s_,]/g, '')))
          .filter((count) => Number.isFinite(count) && count <= maxDrawn);
        return counts.length > 0 ? Math.max(...counts) : 0;
      }, MAX_DRAWN_PARTICLES);
      const frameAllowanceMs = 5000 + drawnParticles * 0.06;
      const framesRun = await Promise.race([
        page.evaluate(
          (allowanceMs) =>
            new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), allowanceMs);
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  clearTimeout(timer);
                  resolve(true);
                }),
              );
            }),
          frameAllowanceMs,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), frameAllowanceMs + 15_000)),
      ]);
      if (!framesRun) fail('requestAnimationFrame callbacks stopped running (frozen page)');
    };

    const act = async (): Promise<void> => {
      const roll = random();
      if (roll < 0.08) {
        const tab = pick([...SCREEN_TABS, '#story-open', '#help-open', '#lesson-end', '#lessons-open']);
        log.push(`click ${tab}`);
        await page.click(tab, { timeout: ACTION_TIMEOUT_MS });
        return;
      }
      if (roll < 0.25) {
        const key = pick(KEYS);
        log.push(`press ${key}`);
        await page.keyboard.press(key);
        return;
      }
      const candidates = await page.evaluate(collectCandidates);
      if (candidates.length === 0) {
        log.push('press Escape (nothing to act on)');
        await page.keyboard.press('Escape');
        return;
      }
      // Fields are few among the buttons and links; favour them so that typed values get their share.
      const fields = candidates.filter((candidate) =>
        ['text', 'number', 'select', 'range'].includes(candidate.kind),
      );
      const target = fields.length > 0 && random() < 0.45 ? pick(fields) : pick(candidates);
      const locator = page.locator(`[data-fuzz="${target.id}"]`);
      const name = await locator
        .evaluate((element) => {
          const tag = element.tagName.toLowerCase();
          return element.id
            ? `${tag}#${element.id}`
            : `${tag}[${(element.textContent ?? '').trim().slice(0, 30)}]`;
        })
        .catch(() => `element ${target.id}`);
      if ((target.kind === 'range' || target.kind === 'select') && random() < 0.5) {
        const keys = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(CONTROL_KEYS));
        log.push(`focus ${name}, press ${keys.join(' ')}`);
        await locator.focus({ timeout: ACTION_TIMEOUT_MS });
        for (const key of keys) await locator.press(key, { timeout: ACTION_TIMEOUT_MS });
        return;
      }
      switch (target.kind) {
        case 'click':
          log.push(`click ${name}`);
          await locator.click({ timeout: ACTION_TIMEOUT_MS });
          return;
        case 'select': {
          const options = await locator.evaluate((element) =>
            Array.from((element as HTMLSelectElement).options, (option) => option.value),
          );
          const value = pick(options);
          log.push(`select ${name} = ${value}`);
          await locator.selectOption(value, { timeout: ACTION_TIMEOUT_MS });
          return;
        }
        case 'range':
        case 'canvas': {
          const box = await locator.boundingBox();
          if (!box) return;
          const from = { x: box.x + random() * box.width, y: box.y + random() * box.height };
          const to = { x: box.x + random() * box.width, y: box.y + random() * box.height };
          log.push(
            `drag ${name} (${from.x.toFixed(0)},${from.y.toFixed(0)}) → (${to.x.toFixed(0)},${to.y.toFixed(0)})`,
          );
          await locator.scrollIntoViewIfNeeded({ timeout: ACTION_TIMEOUT_MS });
          const after = await locator.boundingBox();
          if (!after) return;
          const dx = after.x - box.x;
          const dy = after.y - box.y;
          await page.mouse.move(from.x + dx, from.y + dy);
          await page.mouse.down();
          await page.mouse.move(to.x + dx, to.y + dy, { steps: 4 });
          await page.mouse.up();
          return;
        }
        case 'number':
        case 'text': {
          const value =
            target.kind === 'number' && random() < 0.5
              ? String(Math.round(between(-1e4, 1e4)))
              : valueToType();
          typed.add(value);
          const commit = pick(['Enter', 'Tab', 'none']);
          log.push(
            `type into ${name}: ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}… (${value.length} chars)` : value)} then ${commit}`,
          );
          // fill() rejects non-numbers for type=number, as the browser would refuse the keystrokes; that
          // refusal is counted below like any other action the page would not take.
          await locator.fill(value, { timeout: ACTION_TIMEOUT_MS });
          if (commit !== 'none') await locator.press(commit, { timeout: ACTION_TIMEOUT_MS });
          return;
        }
      }
    };

    let started = Date.now();
    try {
      await page.goto(`${baseUrl}#physics`);
      await page.locator('#occupancy-table tbody tr').first().waitFor();
      // The fuzzing time starts once the app is up, so a slow machine still gets FUZZ_SECONDS of input.
      started = Date.now();
      let lastCheck = Date.now();
      while (Date.now() - started < FUZZ_SECONDS * 1000) {
        actions++;
        const actionStarted = Date.now();
        try {
          await act();
          log[log.length - 1] += ` (${Date.now() - actionStarted} ms)`;
        } catch (error) {
          log[log.length - 1] += ` (refused after ${Date.now() - actionStarted} ms)`;
          // An action the page would not take (element covered, detached, disabled, not a number) is
          // noise; a crashed or closed page is not.
          if (page.isClosed()) fail(`the page closed: ${String(error)}`);
          refusedActions++;
        }
        if (Date.now() - lastCheck >= CHECK_EVERY_MS) {
          const checkStarted = Date.now();
          await checkInvariants();
          log.push(`(invariants hold, checked in ${Date.now() - checkStarted} ms)`);
          lastCheck = Date.now();
        }
      }
      await checkInvariants();
    } finally {
      console.log(
        `fuzz: seed ${FUZZ_SEED}, ${actions} actions in ${((Date.now() - started) / 1000).toFixed(0)} s ` +
          `(${refusedActions} not possible when tried), ${typed.size} distinct values typed`,
      );
      if (process.env.FUZZ_VERBOSE) console.log(log.join('\n'));
      await page.close();
    }
    expect(actions).toBeGreaterThan(0);
  },
  FUZZ_SECONDS * 1000 + 180_000,
);
