import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { setTemperature } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

async function open(address: string): Promise<void> {
  page = await pages.open({ width: 1280, height: 800 });
  await page.goto(`${inject('baseUrl')}${address}`);
}

/** Where the slider's thumb sits, from 0 (left end) to 1 (right end). */
function sliderFraction(selector: string): Promise<number> {
  return page.$eval(selector, (element) => {
    const slider = element as HTMLInputElement;
    const [value, min, max] = [slider.value, slider.min, slider.max].map(Number);
    return (value - min) / (max - min);
  });
}

/** Types a temperature into a field (applied as Enter is handled) and reads the slider beside it. */
async function typeTemperature(input: string, slider: string, text: string): Promise<number> {
  await page.fill(input, text);
  await page.press(input, 'Enter');
  expect(await page.getAttribute(input, 'aria-invalid')).toBeNull();
  return sliderFraction(slider);
}

/** Slider positions of t = 3, ∞ and −1 (read in that order, each a change from the last). */
async function positions(
  input: string,
  slider: string,
): Promise<{ three: number; infinite: number; minusOne: number }> {
  const three = await typeTemperature(input, slider, '3');
  const infinite = await typeTemperature(input, slider, 'inf');
  const minusOne = await typeTemperature(input, slider, '-1');
  return { three, infinite, minusOne };
}

test('every temperature slider puts T < 0 beyond ∞ on the right, where the physics slider has it', async () => {
  await open('?sys=two-level#physics');
  await page.locator('#temperature-slider').waitFor();
  const physics = await positions('#temperature-input', '#temperature-slider');
  expect(physics.minusOne).toBeGreaterThan(physics.infinite);
  expect(physics.infinite).toBeGreaterThan(physics.three);

  await page.click('#tab-language');
  await expect.poll(() => page.textContent('#training-status'), { timeout: 30_000 }).toContain('Trained on');
  const language = await positions('#lm-temperature-input', '#lm-temperature-slider');
  await page.click('#tab-parallel');
  await page.locator('#linked-temperature-slider').waitFor();
  const parallel = await positions('#linked-temperature-input', '#linked-temperature-slider');

  for (const screen of [language, parallel]) {
    expect(screen.minusOne).toBeGreaterThan(screen.infinite);
    expect(screen.infinite).toBeGreaterThan(screen.three);
    // One scale for all: the same temperature sits at the same place on every screen (all scales are 1 here).
    expect(screen.three).toBeCloseTo(physics.three, 3);
    expect(screen.infinite).toBeCloseTo(physics.infinite, 3);
    expect(screen.minusOne).toBeCloseTo(physics.minusOne, 3);
  }
}, 120_000);

/** Pixels of the marker's colour (--colour-focus) on each of the three plots. */
function markerPixels(): Promise<number[]> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.color = 'var(--colour-focus)';
    document.body.append(probe);
    const [r, g, b] = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
    probe.remove();
    return Array.from(document.querySelectorAll<HTMLCanvasElement>('#thermo-plots canvas'), (canvas) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const near =
          Math.abs(pixels[i] - r) < 12 &&
          Math.abs(pixels[i + 1] - g) < 12 &&
          Math.abs(pixels[i + 2] - b) < 12;
        if (near && pixels[i + 3] > 200) count++;
      }
      return count;
    });
  });
}

test('the ⟨E⟩, C and S plots keep their marker at T = −1, T = ∞, T = 0 and T = 1 on the two-level system', async () => {
  await open('?sys=two-level#physics');
  await page.locator('#thermo-plots canvas').first().waitFor();
  for (const temperature of ['1', '-1', 'inf', '0', '-0.3', '-0.01']) {
    await setTemperature(page, temperature);
    await expect.poll(() => page.getAttribute('#temperature-input', 'aria-invalid')).toBeNull();
    await expect
      .poll(
        async () => {
          const counts = await markerPixels();
          return counts.length === 3 && counts.every((count) => count > 20);
        },
        { message: `marker at T = ${temperature}` },
      )
      .toBe(true);
    // Only T = −0.01, colder than the axis's negative end (−0.05), has its marker pinned, and says so.
    expect(await page.locator('#plots-marker-note').isVisible()).toBe(temperature === '-0.01');
  }
  expect(await page.textContent('#plots-marker-note')).toContain('−0.01');
});
