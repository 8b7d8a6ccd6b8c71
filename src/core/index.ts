export {
  boltzmannProbabilities,
  boltzmannProbabilitiesAtBeta,
  entropyBits,
  entropyNats,
  perplexity,
  temperatureSoftmax,
  validateProbabilities,
  validateSpectrum,
} from './distribution.ts';
export { InputError, isInputError } from './errors.ts';
export { createRng, type Rng } from './rng.ts';
export { type ChiSquareResult, chiSquareSurvival, chiSquareTest, klDivergence } from './statistics.ts';
export {
  logPartitionFunction,
  type Thermodynamics,
  thermodynamics,
  thermodynamicsAtBeta,
} from './thermodynamics.ts';
export type { Spectrum } from './types.ts';
