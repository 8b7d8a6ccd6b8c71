import { sliderMaximum, temperaturePosition } from './temperatureScale.ts';

export interface AxisTick {
  /** Position on the temperature scale (temperatureScale.ts). */
  position: number;
  /** The temperature there, in the display unit. */
  temperature: number;
}

/** Decades of candidate ticks above the coldest non-zero point of the scale; the last lie near ∞. */
const DECADES = 9;

/**
 * Ticks for an axis drawn on the temperature sliders' scale: T = 0 and ∞ always, then round numbers
 * (1, 2, 5 × 10ᵏ in the display unit, and their negatives for a bounded spectrum) wherever there is
 * room, powers of ten first. `displayPerInternal` converts the system's unit into the display unit.
 */
export function temperatureAxisTicks(
  energyScale: number,
  allowsNegative: boolean,
  displayPerInternal: number,
  pixelsPerPosition: number,
  minimumSpacingPixels: number,
): AxisTick[] {
  const ends: AxisTick[] = [
    { position: 0, temperature: 0 },
    { position: sliderMaximum(false), temperature: Number.POSITIVE_INFINITY },
  ];
  const firstDecade = Math.floor(Math.log10(energyScale * displayPerInternal * 0.05));
  const candidates: { tick: AxisTick; priority: number }[] = [];
  for (let k = firstDecade; k < firstDecade + DECADES; k++) {
    for (const [mantissa, priority] of [
      [1, 0],
      [2, 1],
      [5, 1],
    ]) {
      const magnitude = Number((mantissa * 10 ** k).toPrecision(1));
      for (const temperature of allowsNegative ? [magnitude, -magnitude] : [magnitude]) {
        const position = temperaturePosition(temperature / displayPerInternal, energyScale, allowsNegative);
        candidates.push({ tick: { position, temperature }, priority });
      }
    }
  }
  candidates.sort((a, b) => a.priority - b.priority);
  const chosen = [...ends];
  const maximum = sliderMaximum(allowsNegative);
  for (const { tick } of candidates) {
    const inside = tick.position > 0 && tick.position < maximum;
    const roomy = chosen.every(
      (other) => Math.abs(other.position - tick.position) * pixelsPerPosition >= minimumSpacingPixels,
    );
    if (inside && roomy) chosen.push(tick);
  }
  return chosen.sort((a, b) => a.position - b.position);
}
