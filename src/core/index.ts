export { InputError, isInputError } from './errors.ts';
export { createRng, type Rng } from './rng.ts';
export { chiSquareTest, chiSquareSurvival, klDivergence, type ChiSquareResult } from './statistics.ts';
export type { Spectrum } from "./types.ts";
