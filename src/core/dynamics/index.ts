/** Dynamics that relax particles (or quanta) towards the Boltzmann distribution, one step per frame. */

export {
  createEinsteinSolid,
  type EinsteinSolid,
  type EinsteinStart,
  einsteinBoltzmann,
  einsteinHistogram,
  einsteinMarginal,
  einsteinStep,
  einsteinTemperature,
  MAX_OSCILLATORS,
  MAX_QUANTA,
  placeOnLadder,
} from './einsteinSolid.ts';
export {
  BERNOULLI_SCAN_ABOVE,
  checkHeatBathFraction,
  heatBathRelaxationSteps,
  heatBathStep,
} from './heatBath.ts';
export {
  createMetropolis,
  METROPOLIS_COIN_SCAN_ABOVE,
  metropolisStep,
  type PreparedMetropolis,
  setMetropolisTemperature,
} from './metropolis.ts';
