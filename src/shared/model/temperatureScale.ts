/**
 * The temperature scale of every temperature slider (and of the thermodynamic plots' axis). A position
 * is linear in a stretched β = 1/T:
 *   β(x) = β_max · sinh(L x) / sinh(L),   x ∈ [−1, 1] (or [0, 1] when negative T is not allowed)
 * Near x = 0 this is linear in β, so the scale passes smoothly through T = ±∞; towards |x| = 1 it is
 * logarithmic in T, so very cold and moderately hot both get room. x = 1 is exactly T = 0, the coldest
 * point (where a language model is greedy); x = 0 is infinite temperature; x = −1 is the coldest negative
 * temperature, the hottest point of all. It stops short of T = −0, which a language model's sampler reads
 * as greedy like +0 while the physics puts every particle on the top level: a slider's end should not
 * jump. Negative temperatures are hotter than any positive one, so they lie beyond ∞, on the hot side.
 */
const STRETCH = 7;
/** The coldest non-zero temperature on the scale, as a fraction of the energy scale (the first excitation energy). */
const COLDEST_FRACTION = 1 / 20;

export const SLIDER_STEPS = 1000;

function maxBeta(energyScale: number): number {
  return 1 / (energyScale * COLDEST_FRACTION);
}

/**
 * Slider value (0 … SLIDER_STEPS, or … 2·SLIDER_STEPS with negative T; fractional values are fine) to
 * temperature. Left is cold.
 */
export function sliderToTemperature(value: number, energyScale: number): number {
  if (value <= 0) return 0;
  const x = 1 - value / SLIDER_STEPS;
  if (x === 0) return Number.POSITIVE_INFINITY;
  const beta = (maxBeta(energyScale) * Math.sinh(STRETCH * x)) / Math.sinh(STRETCH);
  return 1 / beta;
}

/** Where a temperature lies on the scale, unrounded (clamped to the scale's range). */
export function temperaturePosition(
  temperature: number,
  energyScale: number,
  allowsNegative: boolean,
): number {
  const beta = 1 / temperature;
  const x = Math.asinh((beta / maxBeta(energyScale)) * Math.sinh(STRETCH)) / STRETCH;
  const lowest = allowsNegative ? -1 : 0;
  const clamped = Math.min(1, Math.max(lowest, x));
  return (1 - clamped) * SLIDER_STEPS;
}

/** The nearest slider value for a temperature (clamped to the slider's range). */
export function temperatureToSlider(
  temperature: number,
  energyScale: number,
  allowsNegative: boolean,
): number {
  return Math.round(temperaturePosition(temperature, energyScale, allowsNegative));
}

export function sliderMaximum(allowsNegative: boolean): number {
  return allowsNegative ? 2 * SLIDER_STEPS : SLIDER_STEPS;
}
