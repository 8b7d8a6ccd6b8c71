/**
 * Fast-forward "to equilibrium": what a lecture needs when the physics takes longer than a class can
 * watch (the Einstein solid's "all on one" start needs about 1 500 sweeps). The particles run this many
 * times faster than the set speed until they agree with theory, then play on at the set speed.
 */
export const FAST_FORWARD_FACTOR = 100;

/**
 * The chi-square p-value at which fast-forward stops: above it the counts differ from theory no more
 * than the fluctuations of a true equilibrium draw usually do (the conventional 5% level).
 */
export const AGREEMENT_P_VALUE = 0.05;

/** Stepping time allowed per frame while fast-forwarding, so a large N drops steps rather than freezing. */
export const FAST_FORWARD_FRAME_BUDGET_MS = 24;

/** Fast-forward never runs longer than this many steps, whether or not the particles agree by then. */
export const FAST_FORWARD_MAX_STEPS = 100_000;

export function agreesWithTheory(pValue: number): boolean {
  return pValue >= AGREEMENT_P_VALUE;
}
