/**
 * The engine's public API: pure TypeScript, no DOM. k_B = 1 and temperature is in energy units.
 */
export { AliasTable, createAliasTable, MAX_ALIAS_LEVELS, sampleLevels } from './alias.ts';
export { sampleBinomial } from './binomial.ts';
export {
  boltzmannProbabilities,
  boltzmannProbabilitiesAtBeta,
  entropyBits,
  entropyNats,
  PROBABILITY_SUM_TOLERANCE,
  perplexity,
  temperatureSoftmax,
  validateProbabilities,
  validateSpectrum,
} from './distribution.ts';
export * from './dynamics/index.ts';
export type { ErrorCode, ErrorMessage, ErrorParams, NoteCode, NoteMessage, NoteParams } from './errors.ts';
export { CodedError, InputError, isCodedError, isInputError } from './errors.ts';
export { sampleCounts } from './multinomial.ts';
export { createRng, type Rng } from './rng.ts';
export {
  checkParticleCount,
  type DynamicsKind,
  type DynamicsSettings,
  MAX_DRAWN_PARTICLES,
  MAX_PARTICLES,
  ParticleSimulation,
} from './simulation.ts';
export * from './spectra/index.ts';
export {
  type ChiSquareResult,
  chiSquareSurvival,
  chiSquareTest,
  FIT_P_VALUE_THRESHOLD,
  fitIsConsistent,
  klDivergence,
} from './statistics.ts';
export {
  logPartitionFunction,
  type Thermodynamics,
  thermodynamics,
  thermodynamicsAtBeta,
} from './thermodynamics.ts';
export type { Spectrum } from './types.ts';
