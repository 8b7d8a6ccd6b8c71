import fc from 'fast-check';
import { expect, test } from 'vitest';
import { SLIDER_STEPS, sliderMaximum, sliderToTemperature, temperatureToSlider } from './temperatureScale.ts';

test('left is T = 0, the middle of a finite-spectrum slider is infinitely hot, right is just below zero', () => {
  expect(sliderToTemperature(0, 1)).toBe(0);
  expect(sliderToTemperature(1, 1)).toBeCloseTo(0.05 * (1 + 0.007), 4);
  expect(sliderToTemperature(SLIDER_STEPS, 1)).toBe(Number.POSITIVE_INFINITY);
  expect(sliderToTemperature(2 * SLIDER_STEPS, 1)).toBeCloseTo(-0.05, 12);
  expect(sliderMaximum(false)).toBe(SLIDER_STEPS);
  expect(sliderMaximum(true)).toBe(2 * SLIDER_STEPS);
});

test('moving right always makes it hotter: β falls monotonically through 0 into negative values', () => {
  let previousBeta = 1 / sliderToTemperature(0, 2.5);
  expect(previousBeta).toBe(Number.POSITIVE_INFINITY);
  for (let value = 1; value <= 2 * SLIDER_STEPS; value++) {
    const beta = 1 / sliderToTemperature(value, 2.5);
    expect(beta).toBeLessThan(previousBeta);
    previousBeta = beta;
  }
});

test('slider → temperature → slider returns to the same position', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 * SLIDER_STEPS }),
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      (value, scale) => {
        return temperatureToSlider(sliderToTemperature(value, scale), scale, true) === value;
      },
    ),
  );
});

test('temperatures beyond the slider clamp to its ends; negative T clamps to infinity where not allowed', () => {
  expect(temperatureToSlider(1e-9, 1, false)).toBe(0);
  expect(temperatureToSlider(-1, 1, false)).toBe(SLIDER_STEPS);
  expect(temperatureToSlider(-1e-9, 1, true)).toBe(2 * SLIDER_STEPS);
  expect(temperatureToSlider(Number.POSITIVE_INFINITY, 1, true)).toBe(SLIDER_STEPS);
  expect(temperatureToSlider(0, 1, true)).toBe(0);
  expect(temperatureToSlider(-0, 1, true)).toBe(2 * SLIDER_STEPS);
});
