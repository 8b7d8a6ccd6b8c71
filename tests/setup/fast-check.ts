import fc from 'fast-check';

/**
 * Property tests use a fixed seed so that CI is reproducible; set FC_SEED to explore other seeds by hand
 * (a failing run prints its seed and counterexample).
 */
const seed = Number(process.env.FC_SEED ?? 20261126);
fc.configureGlobal({ seed: Number.isFinite(seed) ? seed : 20261126 });
