/**
 * One generation run without the DOM: one column per temperature, each continuing the same
 * context with the same model and sampler settings except the temperature, one character per step.
 *
 * Every column draws from its own random stream, derived from the seed and the column's position only, so
 * one seed reproduces every column's text and a column's text does not depend on how many columns there
 * are. A column at t = 0 never consumes its stream (chooseToken is greedy there), so it repeats the argmax
 * path whatever the seed.
 */
import { chooseToken } from '../../core/lm/generation.ts';
import {
  isGreedyTemperature,
  PipelineScratch,
  runPipeline,
  type SamplerSettings,
  validateSamplerSettings,
} from '../../core/lm/pipeline.ts';
import { createRng, type Rng } from '../../core/rng.ts';

/** A column stops here: enough to see the style of a temperature, short enough to read. */
export const MAX_COLUMN_CHARACTERS = 400;

/**
 * How much of context + generated text is handed to the model. An n-gram model looks at most 7 characters
 * back; normalisation (which collapses whitespace runs) can only change the first few characters of a cut,
 * so a tail this long gives the same prediction as the whole text without re-normalising it every step.
 */
const CONTEXT_TAIL = 256;

/** What generation needs of a model (NgramModel has this shape). */
export interface CharacterModel {
  readonly vocabulary: readonly string[];
  distributionAfter(context: string, out?: Float64Array): Float64Array;
}

export interface Choice {
  token: number;
  text: string;
  /** How the token is shown when its text alone cannot say it (a byte token's <0xE2>); else the text. */
  label?: string;
  /** Probability of the chosen token under the final distribution it was drawn from. */
  probability: number;
}

export interface GenerationColumn {
  readonly temperature: number;
  /** Greedy decoding at this temperature in the sampler's order (t = 0; any t ≤ 0 with temperature last). */
  readonly greedy: boolean;
  /** The generated text alone, without the context. */
  readonly text: string;
  readonly steps: number;
  /** The last choice, or null before the first step. */
  readonly latest: Choice | null;
}

interface MutableColumn {
  temperature: number;
  greedy: boolean;
  text: string;
  steps: number;
  latest: Choice | null;
}

/** Column `column`'s stream for a seed: the column-th output of the seed's generator, used as a seed. */
export function columnRng(seed: number, column: number): Rng {
  const seeds = createRng(seed);
  let columnSeed = 0;
  for (let c = 0; c <= column; c++) columnSeed = seeds.nextUint32();
  return createRng(columnSeed);
}

/**
 * What every column of a run starts from: its sampler settings (throws InputError when the sampler with
 * some column's temperature is not valid), an empty column, and its random stream.
 */
export function startColumns(sampler: SamplerSettings, temperatures: readonly number[], seed: number) {
  return {
    settings: temperatures.map((temperature) => {
      const settings = { ...sampler, temperature };
      validateSamplerSettings(settings);
      return settings;
    }),
    columns: temperatures.map((temperature) => ({
      temperature,
      greedy: isGreedyTemperature(temperature, sampler.order),
      text: '',
      steps: 0,
      latest: null as Choice | null,
    })),
    rngs: temperatures.map((_, c) => columnRng(seed, c)),
  };
}

export class GenerationRun {
  readonly maxSteps = MAX_COLUMN_CHARACTERS;
  private readonly mutableColumns: MutableColumn[];
  private readonly rngs: Rng[];
  private readonly settings: SamplerSettings[];
  private readonly scratch = new PipelineScratch();
  private readonly distribution: Float64Array;

  /** Throws InputError when the sampler settings with some column's temperature are not valid. */
  constructor(
    private readonly model: CharacterModel,
    private readonly context: string,
    sampler: SamplerSettings,
    temperatures: readonly number[],
    seed: number,
  ) {
    ({
      settings: this.settings,
      columns: this.mutableColumns,
      rngs: this.rngs,
    } = startColumns(sampler, temperatures, seed));
    this.distribution = new Float64Array(model.vocabulary.length);
  }

  get columns(): readonly GenerationColumn[] {
    return this.mutableColumns;
  }

  get finished(): boolean {
    return this.mutableColumns.every((column) => column.steps >= MAX_COLUMN_CHARACTERS);
  }

  /** Characters generated so far in the longest column. */
  get length(): number {
    return this.mutableColumns.reduce((longest, column) => Math.max(longest, column.steps), 0);
  }

  /** One character for every column that has not reached the limit; false when none could grow. */
  step(): boolean {
    let grew = false;
    this.mutableColumns.forEach((column, c) => {
      if (column.steps >= MAX_COLUMN_CHARACTERS) return;
      const text = (this.context + column.text).slice(-CONTEXT_TAIL);
      const distribution = this.model.distributionAfter(text, this.distribution);
      const result = runPipeline(distribution, this.settings[c], this.scratch);
      const token = chooseToken(result, this.rngs[c]);
      const character = this.model.vocabulary[token];
      column.latest = { token, text: character, probability: result.final[token] };
      column.text += character;
      column.steps++;
      grew = true;
    });
    return grew;
  }
}
