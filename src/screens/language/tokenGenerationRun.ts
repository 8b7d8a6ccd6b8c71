/**
 * Generation with a real model: one column per temperature, one token per column per step, each token
 * drawn from the app's own pipeline applied to the model's whole-vocabulary distribution. The model runs
 * in a worker, so a step is asynchronous; columns take turns on the one model.
 *
 * The streams are those of the character model's run (columnRng): one seed reproduces every column, a t = 0
 * column never draws. A column stops at the model's end-of-generation token or at MAX_COLUMN_TOKENS.
 */
import { chooseToken } from '../../core/lm/generation.ts';
import { PipelineScratch, runPipeline, type SamplerSettings } from '../../core/lm/pipeline.ts';
import type { Rng } from '../../core/rng.ts';
import { type GenerationColumn, startColumns } from './generationRun.ts';
import { fitToWindow, type RealModelSession } from './realModel.ts';

/** Every token costs a forward pass of the whole model: enough to read a style, short enough to wait for. */
export const MAX_COLUMN_TOKENS = 64;

interface TokenColumn extends GenerationColumn {
  temperature: number;
  text: string;
  steps: number;
  latest: GenerationColumn['latest'];
  greedy: boolean;
  ended: boolean;
}

export class TokenGenerationRun {
  readonly maxSteps = MAX_COLUMN_TOKENS;
  private readonly mutableColumns: TokenColumn[];
  private readonly settings: SamplerSettings[];
  private readonly rngs: Rng[];
  private readonly decoders: TextDecoder[];
  private readonly generated: number[][];
  private readonly scratch = new PipelineScratch();
  private contextIds: Int32Array | null = null;

  /** Throws InputError when the sampler settings with some column's temperature are not valid. */
  constructor(
    private readonly session: RealModelSession,
    private readonly context: string,
    sampler: SamplerSettings,
    temperatures: readonly number[],
    seed: number,
  ) {
    const start = startColumns(sampler, temperatures, seed);
    this.settings = start.settings;
    this.rngs = start.rngs;
    this.mutableColumns = start.columns.map((column) => ({ ...column, ended: false }));
    this.decoders = temperatures.map(() => new TextDecoder('utf-8'));
    this.generated = temperatures.map(() => []);
  }

  get columns(): readonly GenerationColumn[] {
    return this.mutableColumns;
  }

  get finished(): boolean {
    return this.mutableColumns.every((column) => column.ended || column.steps >= MAX_COLUMN_TOKENS);
  }

  get length(): number {
    return this.mutableColumns.reduce((longest, column) => Math.max(longest, column.steps), 0);
  }

  /** One token for every column that can still grow; false when none could. */
  async step(): Promise<boolean> {
    const { runtime, vocabulary } = this.session;
    this.contextIds ??= fitToWindow(await runtime.tokenize(this.context), this.session.model.contextLength);
    let grew = false;
    for (const [c, column] of this.mutableColumns.entries()) {
      if (column.ended || column.steps >= MAX_COLUMN_TOKENS) continue;
      const ids = Int32Array.from([...this.contextIds, ...this.generated[c]]);
      const distribution = await runtime.nextDistribution(ids);
      const result = runPipeline(distribution, this.settings[c], this.scratch);
      const token = chooseToken(result, this.rngs[c]);
      this.generated[c].push(token);
      // Byte tokens can end inside a character: the decoder holds such bytes until the character is whole.
      const piece = this.decoders[c].decode(vocabulary.bytes(token), { stream: true });
      column.text += piece;
      column.latest = {
        token,
        text: piece,
        label: vocabulary.labels[token],
        probability: result.final[token],
      };
      column.steps++;
      column.ended = vocabulary.endTokens.has(token);
      grew = true;
    }
    return grew;
  }
}
