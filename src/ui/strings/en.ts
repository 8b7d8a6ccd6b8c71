/** Every string the simulator screen shows, in English. Other languages mirror this shape. */
export const en = {
  appTitle: 'Boltzmann Lab',
  tagline: 'Sampling with temperature is the Boltzmann distribution.',
  screenPhysics: 'Physics',
  screenLanguage: 'Language model',
  screenParallel: 'Side by side',
  stageLabel: 'Particles on the energy levels, and their occupancy against theory',

  systemHeading: 'System',
  systemLabel: 'System',
  customFormula: 'Custom formula',
  energyList: 'List of energies',
  energyFormulaLabel: 'Energy E(n)',
  degeneracyFormulaLabel: 'Degeneracy g(n)',
  nFromLabel: 'n from',
  nToLabel: 'n to',
  energyListLabel: 'Energies',
  apply: 'Apply',

  temperatureHeading: 'Temperature',
  temperatureSliderLabel: 'Temperature (left cold, right hot)',
  temperatureFieldLabel: 'Temperature',
  temperatureUnitLabel: 'Unit',
  temperatureHint: 'For example 300 K, 25 meV, 0.5 or inf',
  negativeTemperatureRefused:
    'Negative temperatures need a spectrum bounded above. This ladder is cut off for display, so choose the two- or three-level system, a formula or a list.',
  internalUnit: (symbol: string) => symbol,

  particlesHeading: 'Particles',
  particleCountLabel: 'Number of particles',
  particleSliderLabel: 'Number of particles (logarithmic)',
  particleHint: 'From 1 to 1e24',
  countsOnlyNote:
    'Counts only: above a million particles the histogram is drawn from multinomial counts, without individual particles.',

  dynamicsHeading: 'Dynamics',
  dynamicsLabel: 'How particles change level',
  dynamicsEquilibrium: 'Instant equilibrium (redraw every step)',
  dynamicsHeatBath: 'Heat bath (redraw a fraction per step)',
  dynamicsMetropolis: 'Metropolis (hop to a neighbouring level)',
  heatBathRateLabel: 'Fraction redrawn per step',
  metropolisSweepsLabel: 'Moves per particle per step',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  speedLabel: 'Steps per second',
  seedLabel: 'Seed',
  timeAverageLabel: 'Show the time average',

  readoutsHeading: 'Thermodynamics',
  readoutTemperature: 'Temperature T',
  readoutPartition: 'Partition function Z',
  readoutMeanEnergy: 'Mean energy ⟨E⟩',
  readoutHeatCapacity: 'Heat capacity C / k_B',
  readoutEntropy: 'Entropy S / k_B',
  readoutFreeEnergy: 'Free energy F',
  readoutSteps: 'Steps',
  readoutFit: 'Agreement with theory',
  fitExplanation:
    'Chi-square p-value of the current counts against the exact Boltzmann distribution: above 0.05 the deviations are ordinary fluctuations.',
  fitGood: (p: string, kl: string) => `p = ${p} (fluctuations as expected), KL = ${kl}`,
  fitPoor: (p: string, kl: string) => `p = ${p} (not yet in equilibrium), KL = ${kl}`,

  plotsHeading: 'Against temperature',
  plotMeanEnergy: 'Mean energy ⟨E⟩',
  plotHeatCapacity: 'Heat capacity C',
  plotEntropy: 'Entropy S',
  plotAxisTemperature: (unit: string) => `T (${unit})`,

  tableHeading: 'Occupancy',
  tableCaption: 'Occupancy of each level: theory and the particles now',
  tableLevel: 'Level',
  tableEnergy: 'Energy',
  tableDegeneracy: 'Degeneracy',
  tableTheory: 'Theory p',
  tableCount: 'Count',
  tableFraction: 'Fraction',
  tableMoreLevels: (n: number) => `${n} more levels`,

  legendLabel: 'Legend',
  legendObserved: 'particles now (fraction per level)',
  legendTheory: 'exact Boltzmann p',
  legendBand: '±1σ expected fluctuation',
  levelsShown: (shown: number, total: number) =>
    `${shown} levels shown of ${total}; the rest share the top row.`,
  axisNotToScale: 'Energy axis stretched where levels crowd together (not to scale).',
  higherLevels: (n: number) => `${n} higher levels`,
  more: 'more',

  summary: (system: string, temperature: string, particles: string, groundShare: string) =>
    `${system} at T = ${temperature} with ${particles} particles. Theory puts ${groundShare} of them in the lowest level.`,
  webglMissing:
    'This browser could not start WebGL, so the particles cannot be drawn. The table below still shows the numbers.',
} as const;

export type Strings = typeof en;
