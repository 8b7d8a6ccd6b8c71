import { expect, test } from 'vitest';
import { temperatureAxisTicks } from './temperatureAxis.ts';
import { SLIDER_STEPS, temperaturePosition } from './temperatureScale.ts';

test('ticks name T = 0, ∞, powers of ten and their negatives, in order along the axis and never crowded', () => {
  const pixelsPerPosition = 600 / (2 * SLIDER_STEPS);
  const ticks = temperatureAxisTicks(1, true, 1, pixelsPerPosition, 44);
  const temperatures = ticks.map((tick) => tick.temperature);
  expect(temperatures[0]).toBe(0);
  expect(temperatures).toContain(Number.POSITIVE_INFINITY);
  expect(temperatures).toContain(1);
  expect(temperatures).toContain(-1);
  for (let i = 1; i < ticks.length; i++) {
    expect((ticks[i].position - ticks[i - 1].position) * pixelsPerPosition).toBeGreaterThanOrEqual(44);
  }
  for (const tick of ticks) {
    if (tick.temperature !== 0)
      expect(tick.position).toBeCloseTo(temperaturePosition(tick.temperature, 1, true), 9);
  }
});

test('ticks are round numbers in the display unit (here kelvin for an energy scale in eV)', () => {
  const kelvinPerElectronvolt = 11604.518;
  const ticks = temperatureAxisTicks(0.01, false, kelvinPerElectronvolt, 600 / SLIDER_STEPS, 44);
  const finite = ticks.map((tick) => tick.temperature).filter((t) => t > 0 && Number.isFinite(t));
  expect(finite.length).toBeGreaterThan(2);
  for (const t of finite) expect(Number(t.toPrecision(1))).toBe(t);
  expect(finite.some((t) => t === 100 || t === 1000)).toBe(true);
});
