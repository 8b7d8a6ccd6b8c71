/**
 * Every string the pipeline view and the generation panel show, in English. Numbers and tokens arrive
 * already formatted (tokens through visibleToken), so a translation only rearranges words around them.
 */
// formatCount's digits and narrow-space grouping, with one formatter made once: toLocaleString builds a
// new one per call, which showed up as the largest cost of a caption update while a slider drags.
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const formatCount = (n: number) => GROUPED.format(n).replace(/,/g, '\u202f');

const tokens = (n: number) => (n === 1 ? 'one token' : `${formatCount(n)} tokens`);
const others = (n: number) => (n === 1 ? 'The one other token' : `The other ${formatCount(n)} tokens`);
const remain = (n: number) => (n === 1 ? 'One token remains' : `${formatCount(n)} tokens remain`);

export const languageEn = {
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
  readoutEntropy: 'Entropy H',
  readoutPerplexity: 'Perplexity e^H (effective number of choices)',
  readoutKept: 'Tokens that can be drawn',
  readoutGreedy: 'Greedy',
  entropyValue: (nats: string, bits: string) => `${nats} nats = ${bits} bits`,
  keptValue: (kept: number, total: number) => `${formatCount(kept)} of ${tokens(total)}`,
  greedyValue: (token: string) => `always ‘${token}’`,

  // Generation panel
  generationHeading: 'Generate at several temperatures',
  generationIntro:
    'Each column continues the context one character at a time with the sampler above, at its own temperature.',
  generationNoModel: 'Train a model first: generation continues the context with the character model.',
  temperaturesLabel: 'Temperatures, one column each',
  temperaturesHint: 'From −5 to 5, separated by commas; 0 is greedy.',
  temperaturesCount: (max: number, got: number) =>
    got === 0
      ? `Give at least one temperature (at most ${max}).`
      : `Give at most ${max} temperatures; there are ${got}.`,
  temperaturesNotANumber: (text: string) => `“${text}” is not a number.`,
  temperaturesOutOfRange: (text: string, limit: string) =>
    `${text} is outside the range −${limit} to ${limit}.`,
  seedLabel: 'Seed',
  seedHint: 'The same seed gives the same text.',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  columnTitle: (temperature: string) => `t = ${temperature}`,
  columnGreedy: 'greedy',
  columnLabel: (temperature: string) => `Text generated at temperature ${temperature}`,
  choice: (token: string, probability: string) => `chose ‘${token}’ with p = ${probability}`,
  choiceNone: 'Nothing generated yet.',
  columnLength: (n: number, max: number) => `${n} / ${max} characters`,
  generationFinished: (max: number) => `Stopped: every column has ${max} characters.`,
  generationPaused: (n: number) => `Paused after ${n === 1 ? 'one character' : `${n} characters`}.`,
  generationPlaying: 'Generating…',
} as const;

export type LanguageStrings = typeof languageEn;
