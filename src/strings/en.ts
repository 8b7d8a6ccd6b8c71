/** Every string the app shows, in English. Other languages mirror this shape (type Strings). */
import { errorsEn, notesEn } from './en/errors.ts';
import { handoutEn } from './en/handout.ts';
import { lessonsEn } from './en/lessons.ts';
import { presetsEn } from './en/presets.ts';

// formatCount's digits and narrow-space grouping, with one formatter made once: toLocaleString builds a
// new one per call, which showed up as the largest cost of a caption update while a slider drags.
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const formatCount = (n: number) => GROUPED.format(n).replace(/,/g, '\u202f');

const tokens = (n: number) => (n === 1 ? 'one token' : `${formatCount(n)} tokens`);
const others = (n: number) => (n === 1 ? 'The one other token' : `The other ${formatCount(n)} tokens`);
const remain = (n: number) => (n === 1 ? 'One token remains' : `${formatCount(n)} tokens remain`);

export const en = {
  languageLabel: 'Language',
  copyLink: 'Copy link',
  close: 'Close',
  helpButton: 'Keys',
  helpButtonLabel: 'Keyboard shortcuts',
  storyButton: 'Guided tour',
  lessons: lessonsEn,
  howItWorks: 'How it works',
  projectorButton: 'Projector',
  colourBlindButton: 'Colour-blind palette',
  fullscreenButton: 'Full screen',
  shortcutsHeading: 'Keyboard shortcuts',
  shortcutsNote:
    'Shortcuts act on the visible screen when the focus is not in a text field. Every control can also be reached with Tab.',
  shortcutPlayPause: 'Play or pause',
  shortcutStep: 'One step (pauses)',
  shortcutReset: 'Reset the particles',
  shortcutHotter: 'Hotter',
  shortcutColder: 'Colder',
  shortcutProjector: 'Projector mode on or off',
  shortcutFullscreen: 'Full screen on or off',
  shortcutStory: 'Start the guided tour',
  shortcutHelp: 'This list',
  // Stage mode: the picture fills a projector, for a lecture hall.
  stageButton: 'Stage',
  stageButtonLabel: 'Stage mode: the picture fills the screen, with large readouts, for a lecture hall',
  stageLeave: 'Leave stage (Esc)',
  stageRegionLabel: 'Stage',
  stageReadoutsLabel: 'Live readouts',
  stageCanvasesLabel: 'The picture',
  stageTemperatureLabel: 'Temperature',
  stageUndefined: 'undefined',
  stageNoModel: 'no model yet',
  stageGroundFraction: 'On the ground level',
  stagePhysicsGroundFraction: 'Ground level (physics)',
  stageLmTemperature: 'Temperature t',
  stageEntropyBits: (bits: string) => `${bits} bits`,
  stageTopTokenProbability: 'Top token’s p',
  stageTopToken: (token: string, p: string) => `${token} (p = ${p})`,
  shortcutStage: 'Stage mode on or off (Esc leaves it)',
  shortcutStageTemperature: 'On stage: warmer, colder (in a lesson: the slides)',
  shortcutBlank: 'On stage: blank the screen, and back',
  stageKeysNote:
    'In stage mode the keys a presentation clicker sends work: Page Up or → warmer, Page Down or ← colder (while a lesson plays they turn its slides; ↑ and ↓ stay the temperature), B blanks the screen, Esc leaves.',
  exportCsv: 'Download CSV',
  exportPng: 'Save picture (PNG)',
  /** The printed handout of the current view (src/app/handout/). */
  handout: handoutEn,
  linkCopied: 'Link copied: it opens this exact view.',
  linkCopyFailed: 'Copy this address to share the view:',
  linkRejected: (names: string) =>
    `Some settings in the link were not valid and were left at their defaults: ${names}.`,
  dismiss: 'Dismiss',
  presets: presetsEn,
  /** A level's label from the engine ("ground", "level 2", "J = 3") as this language writes it. */
  levelLabel: (label: string) => label,
  /** A bundled corpus's title; English uses the manifest's. */
  corpusTitle: (_id: string, title: string) => title,
  /** The engine's errors by code (src/core/errors.ts); a language lacking one is a type error. */
  errors: errorsEn,
  /** The notes and source descriptions of a pasted distribution, by code. */
  notes: notesEn,
  /** Shown for an error that has no code: a fault of the app, not of what was typed. */
  unexpectedError: 'Something went wrong inside the app; reloading the page should help.',
  appTitle: 'Boltzmann Lab',
  tagline: 'Sampling with temperature is the Boltzmann distribution.',
  screensLabel: 'Screens',
  screenPhysics: 'Physics',
  screenLanguage: 'Language model',
  screenParallel: 'Side by side',
  stageLabel: 'Particles on the energy levels, and their occupancy against theory',

  systemHeading: 'System',
  systemLabel: 'System',
  customFormula: 'Custom formula',
  energyList: 'List of energies',
  energyFormulaLabel: 'Energy $E(n)$',
  degeneracyFormulaLabel: 'Degeneracy $g(n)$',
  nFromLabel: '$n$ from',
  nToLabel: '$n$ to',
  energyListLabel: 'Energies',
  energyListHint:
    'Type energies separated by commas, spaces or new lines; add :g after an energy for a degeneracy g, for example 0, 1:3, 2.5.',
  apply: 'Apply',

  temperatureHeading: 'Temperature',
  temperatureSliderLabel: 'Temperature (left cold, right hot)',
  temperatureFieldLabel: 'Temperature',
  temperatureUnitLabel: 'Unit',
  temperatureHint: 'For example 300 K, 25 meV, 0.5 or inf',
  temperatureMoved: (next: string, system: string, previous: string) =>
    `Temperature set to ${next}, the starting value for “${system}” (was ${previous}).`,
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
  fastForward: (factor: number) => `Fast-forward ×${factor} to equilibrium`,
  fastForwardStop: 'Stop fast-forward',
  fastForwardRunning: (factor: number, steps: string) =>
    `Fast-forward ×${factor} until the particles agree with theory: ${steps} steps so far`,
  speedLabel: 'Steps per second',
  seedLabel: 'Seed',
  timeAverageLabel: 'Show the time average',

  // Einstein solid (a choice of dynamics): N oscillators trade q quanta; no temperature is imposed.
  dynamicsEinstein: 'Einstein solid (no temperature imposed)',
  einsteinQuantaLabel: 'Quanta $q$ shared by the oscillators',
  einsteinQuantaHint: (max: string) =>
    `A whole number from 0 to ${max}. Oscillators with more quanta than the top level are drawn on it.`,
  einsteinQuantaInvalid: (max: string) => `The number of quanta must be a whole number from 0 to ${max}.`,
  einsteinStartLabel: 'Start (and after Reset)',
  einsteinStartEven: 'Even (q/N each)',
  einsteinStartConcentrated: 'All on one (spreads slowly)',
  einsteinStartEquilibrium: 'Random microstate (equilibrium)',
  einsteinTemperature: (n: string, q: string, t: string) =>
    `Not imposed but set by $N$ and $q$: $T = \\hbar\\omega / \\ln(1 + N/q) = \\hbar\\omega / \\ln(1 + ${n}/${q})$ = ${t}`,
  einsteinNeedsOscillator:
    'The Einstein solid is made of harmonic oscillators: choose the harmonic oscillator or the CO vibration as the system first.',
  // End of the Einstein solid block.

  readoutsHeading: 'Thermodynamics',
  readoutTemperature: 'Temperature $T$',
  readoutPartition: 'Partition function $Z$',
  partitionLimit: (value: string, degeneracy: string, energy: string) =>
    `${value} (limit of $g_0\\, e^{-E_0/T}$: $g_0$ = ${degeneracy}, $E_0$ = ${energy})`,
  readoutMeanEnergy: 'Mean energy $\\langle E \\rangle$',
  readoutHeatCapacity: 'Heat capacity $C / k_B$',
  readoutEntropy: 'Entropy $S / k_B$',
  readoutFreeEnergy: 'Free energy $F$',
  readoutSteps: 'Steps',
  readoutFit: '$\\chi^2$ test against the Boltzmann distribution',
  fitExplanation: (threshold: string) =>
    `The $\\chi^2$ test asks how likely counts at least this far from the exact Boltzmann distribution would be by chance alone. A p-value above ${threshold} means the deviations are ordinary fluctuations; ${threshold} or below means the particles are not in equilibrium yet (or do not follow the theory). KL, the Kullback–Leibler divergence of the counts from the theory, is 0 for a perfect match.`,
  fitConsistent: (p: string, threshold: string, kl: string) =>
    `p-value ${p}: consistent with theory (p-value > ${threshold}), KL = ${kl}`,
  fitInconsistent: (p: string, threshold: string, kl: string) =>
    `p-value ${p}: not in equilibrium yet (p-value ≤ ${threshold}), KL = ${kl}`,

  plotsHeading: 'Against temperature',
  plotMeanEnergy: 'Mean energy $\\langle E \\rangle$',
  plotHeatCapacity: 'Heat capacity $C$',
  plotEntropy: 'Entropy $S$',
  plotAxisTemperature: (unit: string) => `T (${unit})`,
  plotAxisNotePositive:
    "The temperature axis is the slider's scale: $T = 0$ at the left end, $T = \\infty$ at the right end, the marker where the slider is.",
  plotAxisNoteNegative:
    "The temperature axis is the slider's scale: $T = 0$ at the left, $T = \\infty$ in the middle, negative $T$ (hotter than $\\infty$) beyond it on the right; the marker is where the slider is.",
  plotMarkerPinned: (t: string) =>
    `$T$ = ${t} lies beyond the right end of the axis: the marker is pinned there.`,

  tableHeading: 'Occupancy',
  tableCaption: 'Occupancy of each level: theory and the particles now',
  tableLevel: 'Level',
  tableEnergy: 'Energy',
  tableDegeneracy: 'Degeneracy',
  tableTheory: 'Theory $p$',
  tableCount: 'Count',
  tableFraction: 'Fraction',
  tableMoreLevels: (n: number) => `${n} more levels`,

  legendLabel: 'Legend',
  legendObserved: 'particles now (fraction per level)',
  legendTheory: 'exact Boltzmann $p$',
  legendBand: '$\\pm 1\\sigma$ expected fluctuation',
  levelsShown: (shown: number, total: number) =>
    `${shown} levels shown of ${total}; the rest share the top row.`,
  axisNotToScale: 'Energy axis stretched where levels crowd together (not to scale).',
  higherLevels: (n: number) => `${n} higher levels`,
  lumpedAxisLabel: (n: number) => `mean of ${n}`,
  levelsLumpedNote: (n: number, each: string, total: string) =>
    `The top row's ${n} higher levels hold ${total} together; the histogram's last bar, right of the dotted line, is their mean: ${each} per level.`,

  summary: (system: string, temperature: string, particles: string, groundShare: string) =>
    `${system} at T = ${temperature} with ${particles} particles. Theory puts ${groundShare} of them in the lowest level.`,
  // Language-model screen
  languageStageLabel: 'The next-token distribution as an energy ladder: each token is a level at E = −ln p',
  modelHeading: 'Model',
  corpusLabel: 'Training text',
  ownText: 'Your own text',
  ownTextLabel: 'Paste or drop a text file to train on',
  ownTextFileLabel: 'Or choose a text file',
  orderLabel: 'Order (characters of context + 1)',
  train: 'Train',
  trainingStatusIdle: 'No model yet.',
  trainingStatusTraining: (characters: string) => `Training on ${characters} characters…`,
  trainingStatusReady: (characters: string, ms: string, where: string) =>
    `Trained on ${characters} characters in ${ms} ms (${where}).`,
  trainingInWorker: 'in a background worker',
  trainingOnPage: 'on the page',
  contextHeading: 'Context',
  contextLabel: 'Context: the text the model continues',
  contextHint:
    'The character model sees the last few characters (its order minus one); a real model reads all of it, in its own tokens.',
  exampleContextsLabel: 'Try a context, measured on this text’s model:',
  exampleConfident: (context: string, bits: string) => `Model sure: “${context}” (${bits} bits)`,
  exampleUncertain: (context: string, bits: string) => `Model unsure: “${context}” (${bits} bits)`,
  samplerHeading: 'Sampler',
  lmTemperatureLabel: 'Temperature $t$',
  lmTemperatureSliderLabel: 'Temperature $t$ (left cold, right hot; $t < 0$ is hotter than $\\infty$)',
  lmTemperatureHint:
    '1 changes nothing, 0 is greedy, large is uniform. Negative inverts the order with temperature first (a physics extension) and is greedy with temperature last, as in llama.cpp.',
  lmNegativeTemperatureInverts:
    'Negative $t$ is the physics extension: no sampling library allows it. Here, with temperature first, it inverts the order: the least likely tokens come first.',
  lmNegativeTemperatureGreedy:
    'llama.cpp treats every $t \\le 0$ as greedy, and so does this order: only the most likely of the tokens the truncation kept remains. The inversion at negative $t$ is a physics extension that no engine does; choose “Temperature first” to see it.',
  topKLabel: 'top-k (0 = off)',
  topPLabel: 'top-p (1 = off)',
  minPLabel: 'min-p (0 = off)',
  typicalPLabel: 'typical-p (1 = off)',
  samplerOrderLabel: 'Order of the stages',
  orderTemperatureFirst: 'Temperature first (Hugging Face, vLLM)',
  orderTemperatureLast: 'Temperature last (llama.cpp)',
  presetsHeading: 'Engine defaults',
  presetsNote:
    'What two engines sample with when nothing is set. One click sets temperature, top-k, top-p, min-p, typical-p and the order.',
  presetHuggingFace: 'Hugging Face generate',
  presetHuggingFaceDetail:
    'Hugging Face generate: temperature 1, top-k 50 (unless set), top-p 1, min-p off, typical-p 1; temperature first.',
  presetLlamaCpp: 'llama.cpp',
  presetLlamaCppDetail:
    'llama.cpp: temperature 0.8, top-k 40, top-p 0.95, min-p 0.05, typical-p 1; temperature last (its chain: top-k, typical-p, top-p, min-p, temperature).',
  presetPlain: 'Plain sampling',
  presetPlainDetail: 'Plain sampling: temperature 1, every cut off: the model’s own distribution.',
  presetApply: (name: string) => `Use ${name}`,
  compareHeading: 'top-p or min-p?',
  compareExplanation:
    'top-p keeps the most likely tokens until together they hold the share top-p of the probability, whatever the distribution looks like. ' +
    'min-p keeps every token at least min-p times as likely as the most likely one: its cut scales with that token, top-p’s does not. ' +
    'So when the model is sure, min-p keeps only the close rivals while top-p still gathers tokens from the tail to fill its share, ' +
    'and as $t$ rises and the distribution flattens, top-p reaches ever deeper into the tail. ' +
    'When the model is unsure, min-p’s bar is low and it can keep more than top-p. ' +
    'With temperature last (llama.cpp) both cuts see the model’s own probabilities, so what they keep does not change with $t$.',
  compareCurves:
    'Solid lines: tokens kept (left axis). Dashed: the share of the probability at that $t$ the kept tokens hold (right axis). The vertical line is the current $t$.',
  compareSettings: (topP: string, minP: string, order: string) =>
    `On the current context, at top-p = ${topP} and min-p = ${minP}, ${order}.`,
  compareStandIn: 'Where the sampler has top-p or min-p off, 0.9 or 0.1 stands in.',
  compareOrderFirst: 'temperature first',
  compareOrderLast: 'temperature last',
  compareNow: (t: string, topPKept: number, topPMass: string, minPKept: number, minPMass: string) =>
    `At $t$ = ${t}: top-p keeps ${tokens(topPKept)} (${topPMass} of the probability), min-p keeps ${tokens(minPKept)} (${minPMass}).`,
  compareAxisTemperature: 'temperature t',
  compareAxisKept: 'tokens kept',
  compareAxisMass: 'share held',
  compareLegendTopP: (value: string) => `top-p ${value}`,
  compareLegendMinP: (value: string) => `min-p ${value}`,
  compareChartLabel: 'Tokens kept by top-p and by min-p as the temperature changes',
  sourceHeading: 'Distribution',
  sourceModel: 'From the character model',
  sourcePasted: 'Pasted from a real model',
  sourceReal: 'From the real model opened below',
  pasteLabel: 'Paste a distribution as JSON',
  pasteHint:
    'A map {"token": probability} or {"token": log-probability}, an OpenAI top_logprobs list, or a llama.cpp completion_probabilities entry.',
  pasteLoad: 'Use this distribution',
  pastedSummary: (tokens: string, source: string) => `${tokens} tokens — ${source}`,
  lmReadoutEntropy: 'Entropy $H$',
  lmReadoutPerplexity: 'Perplexity $e^H$',
  lmReadoutPartition: 'Softmax denominator $Z$',
  lmReadoutKept: 'Tokens that can be drawn',
  lmReadoutGreedy: 'Most likely token',
  entropyValue: (nats: string, bits: string) => `${nats} nats = ${bits} bits`,
  keptValue: (kept: string, total: string) => `${kept} of ${total}`,
  tokenOverflow: (n: number) => `${n} less likely tokens`,
  tokensLumpedNote: (n: number, each: string, total: string) =>
    `The top row's ${n} less likely tokens hold ${total} together; the histogram's last bar, right of the dotted line, is their mean: ${each} per token.`,
  tokenLevelLabel: (token: string, p: string) => `${token} · p ${p}`,
  tableToken: 'Token',
  tableEnergyNats: '$E = -\\ln p$',
  lmTableKept: 'Kept (1) or removed (0)',
  noModel: 'Train a model (or paste a distribution) to see its next-token distribution.',
  // Side-by-side screen
  parallelIntro:
    'Left, a physical system; right, the character model’s next-token distribution with each token drawn as a level at $E = -\\ln p$. One temperature drives both: the right side is temperature sampling, and it is the Boltzmann distribution.',
  parallelIntroReal:
    'Left, a physical system; right, the real model’s next-token distribution over its whole vocabulary, each token a level at $E = -\\ln p$. One temperature drives both: the right side is temperature sampling, and it is the Boltzmann distribution.',
  parallelPhysicsLabel: 'A physical system at temperature T',
  parallelTokensLabel: 'The next-token distribution at temperature t = T',
  parallelSystemLabel: 'Physical system',
  linkedTemperatureHeading: 'One temperature for both',
  linkedTemperatureSliderLabel: '$T = t$ (left cold, right hot; $T < 0$ is hotter than $\\infty$)',
  linkedTemperatureLabel: '$T = t$',
  mappingHeading: 'The dictionary',
  mappingPhysics: 'Physics',
  mappingLanguage: 'Language model',
  mappingNow: 'Now',
  mappingShow: 'Show',
  mappingRows: {
    energy: [
      'Energy of a level $E$',
      'Surprise of a token $-\\ln p$',
      'At $t = 1$ the token ladder is exactly $-\\ln p$.',
    ],
    temperature: ['Temperature $T$', 'Sampling temperature $t$', 'Drag the one slider: both sides follow.'],
    partition: [
      'Partition function $Z = \\sum g\\, e^{-E/T}$',
      'Softmax denominator $\\sum p^{1/t}$',
      'At $t = 1$, $Z = 1$ on the token side.',
    ],
    ground: [
      'Ground state at $T \\to 0$',
      'Greedy decoding (argmax) at $t \\to 0$',
      'Everything falls to the lowest level / the most likely token.',
    ],
    hot: [
      '$T \\to \\infty$: every state equally likely',
      '$t \\to \\infty$: uniform over tokens',
      'Temperature so high that energy stops mattering.',
    ],
    degeneracy: [
      'Degeneracy $g$: states sharing an energy',
      'Tokens of equal probability',
      'A level with $g$ states fills like $g$ tokens of that probability.',
    ],
    entropy: ['Entropy $S$', 'Entropy $H$ of the next token', 'Both are $-\\sum p \\ln p$ (over states).'],
    perplexity: [
      '$e^S$: number of effectively occupied states',
      'Perplexity $e^H$: effective number of choices',
      'Same number, two names.',
    ],
    negative: [
      'Negative $T$: population inversion',
      'Negative $t$: least likely first (a physics extension)',
      'Beyond infinite temperature the order flips. No sampling library allows $t < 0$; llama.cpp treats it as greedy.',
    ],
  },
  webglMissing:
    'This browser could not start WebGL, so the particles cannot be drawn. The table below still shows the numbers.',
  /** The language-model screen's pipeline view and generation panel. */
  lm: {
    // Pipeline view
    pipelineHeading: 'How the sampler reshapes the distribution',
    pipelineEmpty: 'No distribution yet: train a model or paste a distribution.',
    pipelineIntro: (shown: number) =>
      `The ${shown} tokens the model finds most likely, through each stage in the order applied. Grey: before the stage; orange: after it.`,
    legendBefore: 'before the stage',
    legendAfter: 'after the stage',
    legendRemovedHere: 'removed by this stage',
    legendRemovedEarlier: 'removed earlier',
    stageNames: {
      temperature: 'Temperature',
      'top-k': 'top-k',
      'top-p': 'top-p',
      'min-p': 'min-p',
      'typical-p': 'typical-p',
    },
    /** A stage's name with its setting, e.g. "top-p 0.9"; the setting is omitted when unknown. */
    stageTitle: (name: string, value: string | null) => (value === null ? name : `${name} ${value}`),
    stageOff: (title: string) => `${title}: off`,
    stageNumber: (n: number) => `${n}.`,
    temperatureSharpens: (title: string, kept: number) =>
      `${title} sharpens the distribution: likely tokens gain, unlikely ones lose. ${remain(kept)}.`,
    temperatureFlattens: (title: string, kept: number) =>
      `${title} flattens the distribution: unlikely tokens gain. ${remain(kept)}.`,
    temperatureInverts: (title: string, kept: number) =>
      `${title} inverts the ranking: the least likely tokens become the most likely. ${remain(kept)}.`,
    temperatureUniform: (title: string, kept: number) =>
      `${title} makes ${kept === 1 ? 'the one remaining token' : `all ${tokens(kept)}`} equally likely.`,
    temperatureReshapes: (title: string, kept: number) =>
      `${title} reshapes the distribution. ${remain(kept)}.`,
    temperatureGreedy: (title: string, token: string) =>
      `${title} is greedy decoding: only ‘${token}’ remains.`,
    stageRemoved: (title: string, removed: number, kept: number) =>
      `${title} removed ${tokens(removed)}; ${kept === 1 ? 'one remains' : `${formatCount(kept)} remain`}.`,
    stageRemovedNone: (title: string, kept: number) => `${title} removed no token. ${remain(kept)}.`,
    tableCaption: (title: string) => `${title}: probability of each shown token before and after the stage`,
    tableToken: 'Token',
    tableBefore: 'Before',
    tableAfter: 'After',
    tableStatus: 'Status',
    statusKept: 'kept',
    statusRemovedHere: 'removed here',
    statusRemovedEarlier: 'removed earlier',
    tokenTitle: (token: string, before: string, after: string) => `‘${token}’: ${before} → ${after}`,
    tokenTitleFinal: (token: string, probability: string) => `‘${token}’: ${probability}`,
    /** The tokens not drawn: how many are present before the stage and what they hold. */
    otherTokens: (count: number, before: string, after: string) =>
      count === 0 ? '' : `${others(count)} hold ${before} before the stage and ${after} after it.`,
    otherTokensFinal: (count: number, probability: string) =>
      count === 0 ? '' : `${others(count)} hold ${probability}.`,
    finalHeading: 'Final distribution: what the next token is drawn from',
    finalCaption: (kept: number, total: number, entropyBits: string, perplexity: string) =>
      `${formatCount(kept)} of ${tokens(total)} can be drawn; entropy ${entropyBits} bits, as uncertain as ${perplexity} equally likely choices.`,
    finalCaptionGreedy: (token: string) => `Greedy: the next token is always ‘${token}’.`,
    finalTableCaption: 'Probability of each shown token in the final distribution',
    tableProbability: 'Probability',
    readoutEntropy: 'Entropy $H$',
    readoutPerplexity: 'Perplexity $e^H$ (effective number of choices)',
    readoutKept: 'Tokens that can be drawn',
    readoutGreedy: 'Greedy',
    entropyValue: (nats: string, bits: string) => `${nats} nats = ${bits} bits`,
    keptValue: (kept: number, total: number) => `${formatCount(kept)} of ${tokens(total)}`,
    greedyValue: (token: string) => `always ‘${token}’`,

    // Generation panel
    generationHeading: 'Generate at several temperatures',
    generationIntro:
      'Each column continues the context one character at a time with the sampler above, at its own temperature.',
    generationIntroTokens:
      'Each column continues the context one token at a time with the real model and the sampler above, at its own temperature; a column stops at the model’s end-of-text token.',
    generationNoModel: 'Train a model first: generation continues the context with the character model.',
    temperaturesLabel: 'Temperatures, one column each',
    temperaturesHint: 'From −5 to 5, separated by commas, with a decimal point (0.5); 0 is greedy.',
    temperaturesRead: (list: string) => `Read: ${list}`,
    temperaturesCount: (max: number, got: number) =>
      got === 0
        ? `Give at least one temperature (at most ${max}).`
        : `Give at most ${max} temperatures; there are ${got}.`,
    temperaturesNotANumber: (text: string) => `“${text}” is not a number.`,
    temperaturesAmbiguousComma: (text: string) =>
      `“${text}” could be read more than one way: separate the temperatures with commas and write decimals with a point, for example 0, 0.5, 1.`,
    temperaturesOutOfRange: (text: string, limit: string) =>
      `${text} is outside the range −${limit} to ${limit}.`,
    seedLabel: 'Seed',
    seedHint: 'The same seed gives the same text.',
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    reset: 'Reset',
    columnTitle: (temperature: string) => `$t$ = ${temperature}`,
    columnGreedy: 'greedy',
    columnLabel: (temperature: string) => `Text generated at temperature ${temperature}`,
    choice: (token: string, probability: string) => `chose ‘${token}’ with p = ${probability}`,
    choiceNone: 'Nothing generated yet.',
    columnLength: (n: number, max: number) => `${n} / ${max} characters`,
    generationFinished: (max: number) => `Stopped: every column has ${max} characters.`,
    generationPaused: (n: number) => `Paused after ${n === 1 ? 'one character' : `${n} characters`}.`,
    generationPlaying: 'Generating…',
    columnTokens: (n: number, max: number) => `${n} / ${max} tokens`,
    generationFinishedTokens: (max: number) =>
      `Stopped: every column has ${max} tokens or reached the model's end-of-text token.`,
    generationPausedTokens: (n: number) => `Paused after ${n === 1 ? 'one token' : `${n} tokens`}.`,
  },
  // A real model (GGUF) run by llama.cpp in WebAssembly
  realModel: {
    heading: 'A real model (GGUF)',
    intro:
      'Run a real language model in this tab, offline: llama.cpp, compiled to WebAssembly, reads a .gguf file. Every token of its vocabulary becomes a level, and the sampler above works on all of them.',
    fileLabel: 'Open a .gguf file (or drop it here)',
    fileHint:
      'Small models work best: SmolLM2-135M (about 100–150 MB) or a TinyStories model. Nothing leaves your computer.',
    urlLabel: 'Or fetch one from an address',
    urlHint:
      'A direct link to a .gguf file, for example a Hugging Face “resolve” link. A fetched model is kept in this browser for offline use.',
    checkSize: 'Check size',
    download: 'Download',
    downloadSize: (megabytes: string) => `Download ${megabytes} MB`,
    downloadUnknownSize: 'Download (size unknown)',
    cancel: 'Cancel',
    downloading: (loaded: string, total: string) => `Downloading: ${loaded} of ${total} MB`,
    downloadingUnknown: (loaded: string) => `Downloading: ${loaded} MB (the server did not say the size)`,
    loading: (name: string) => `Loading ${name} into llama.cpp…`,
    computing: 'The model is computing the next-token distribution…',
    unload: 'Unload the model',
    infoName: 'Model',
    infoArchitecture: 'Architecture',
    infoVocabulary: 'Vocabulary (tokens, all on the ladder)',
    infoContext: 'Context window (tokens)',
    infoSize: 'File size',
    infoLoadTime: 'Loaded in',
    sizeMegabytes: (megabytes: string) => `${megabytes} MB`,
    milliseconds: (ms: string) => `${ms} ms`,
    storedHeading: 'Stored in this browser',
    storedNone: 'No fetched model is stored. Files opened from disk are not copied here.',
    storedSome: (n: number) =>
      `${n === 1 ? 'One model is' : `${n} models are`} kept in this browser's storage for offline use; delete what you no longer need.`,
    openStored: 'Open',
    deleteStored: 'Delete',
    tokenMarks:
      'Tokens are shown as text with ␣ for a space and ↵ for a new line; a byte that is not a whole character on its own as <0xE2>; special tokens in ⟦ ⟧.',
    contextTokens: (n: number) =>
      `The context in the model's tokens (${n === 1 ? 'one token' : `${n} tokens`}):`,
    contextCut: (dropped: number, kept: number) =>
      `The model reads only the last ${kept} tokens (its window, with room for what it generates); the first ${dropped} are left out.`,
    contextTokensMore: (n: number) => `${n} earlier tokens…`,
  },
};

export type Strings = typeof en;
export type LanguageStrings = Strings['lm'];
