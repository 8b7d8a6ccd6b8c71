/**
 * Fast-forward "to equilibrium": what a lecture needs when the physics takes longer than a class can
 * watch (the Einstein solid's "all on one" start needs about 1 500 sweeps). The particles run this many
 * times faster than the set speed until the fit readout's χ² test finds them consistent with theory
 * (fitIsConsistent, the one threshold the page states), then play on at the set speed.
 */
export const FAST_FORWARD_FACTOR = 100;

/** Stepping time allowed per frame while fast-forwarding, so a large N drops steps rather than freezing. */
export const FAST_FORWARD_FRAME_BUDGET_MS = 24;

/** Fast-forward never runs longer than this many steps, whether or not the particles agree by then. */
export const FAST_FORWARD_MAX_STEPS = 100_000;
