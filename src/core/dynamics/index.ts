/** Dynamics that relax particles (or quanta) towards the Boltzmann distribution, one step per frame. */
export {
  BERNOULLI_SCAN_ABOVE,
  checkHeatBathFraction,
  heatBathRelaxationSteps,
  heatBathStep,
} from './heatBath.ts';
export {
  createMetropolis,
  metropolisStep,
  setMetropolisTemperature,
  type PreparedMetropolis,
} from './metropolis.ts';
export {
  createEinsteinSolid,
  einsteinHistogram,
  einsteinMarginal,
  einsteinStep,
  einsteinTemperature,
  MAX_OSCILLATORS,
  MAX_QUANTA,
  type EinsteinSolid,
  type EinsteinStart,
} from './einsteinSolid.ts';
