/**
 * The temperature slider. Its position is linear in a stretched β = 1/T:
 *   β(x) = β_max · sinh(L x) / sinh(L),   x ∈ [−1, 1] (or [0, 1] when negative T is not allowed)
 * Near x = 0 this is linear in β, so the slider passes smoothly through T = ±∞; towards |x| = 1 it is
 * logarithmic in T, so very cold and moderately hot both get room. x = 1 is the coldest point,
 * x = 0 infinite temperature, x = −1 the coldest negative temperature (hottest of all).
 */
const STRETCH = 7;
/** The coldest slider temperature, as a fraction of the first excitation energy. */
const COLDEST_FRACTION = 1 / 20;

export const SLIDER_STEPS = 1000;

function maxBeta(excitationEnergy: number): number {
  return 1 / (excitationEnergy * COLDEST_FRACTION);
}

/** Slider value (0 … SLIDER_STEPS, or … 2·SLIDER_STEPS with negative T) to temperature. Left is cold. */
export function sliderToTemperature(value: number, excitationEnergy: number): number {
  const x = 1 - value / SLIDER_STEPS;
  if (x === 0) return Number.POSITIVE_INFINITY;
  const beta = (maxBeta(excitationEnergy) * Math.sinh(STRETCH * x)) / Math.sinh(STRETCH);
  return 1 / beta;
}

/** The nearest slider value for a temperature (clamped to the slider's range). */
export function temperatureToSlider(
  temperature: number,
  excitationEnergy: number,
  allowsNegative: boolean,
): number {
  const beta = 1 / temperature;
  const x = Math.asinh((beta / maxBeta(excitationEnergy)) * Math.sinh(STRETCH)) / STRETCH;
  const lowest = allowsNegative ? -1 : 0;
  const clamped = Math.min(1, Math.max(lowest, x));
  return Math.round((1 - clamped) * SLIDER_STEPS);
}

export function sliderMaximum(allowsNegative: boolean): number {
  return allowsNegative ? 2 * SLIDER_STEPS : SLIDER_STEPS;
}
