import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { entropyNats } from '../core/distribution.ts';
import { trainNgramModel } from '../core/lm/ngram.ts';
import { sweepTopPMinP } from '../core/lm/truncationSweep.ts';
import { EXAMPLE_CONTEXTS } from './exampleContexts.ts';

const ORDER = 5;
const COMPARED = { topP: 0.9, minP: 0.1, order: 'temperature-first' } as const;

describe.each(Object.entries(EXAMPLE_CONTEXTS))('the example contexts of %s', (corpusId, examples) => {
  const text = readFileSync(new URL(`../../assets/corpora/${corpusId}.txt`, import.meta.url), 'utf8');
  const model = trainNgramModel(text, ORDER);
  const bits = (p: Float64Array) => entropyNats(p) / Math.LN2;

  test('the confident one is confident, the uncertain one is not', () => {
    const confident = model.distributionAfter(examples.confident);
    const uncertain = model.distributionAfter(examples.uncertain);
    expect(bits(confident)).toBeLessThan(2);
    expect(Math.max(...confident)).toBeGreaterThan(0.6);
    expect(bits(uncertain)).toBeGreaterThan(4);
    expect(Math.max(...uncertain)).toBeLessThan(0.12);
  });

  test('on the confident one top-p keeps more tokens than min-p once t > 1; on the uncertain one min-p keeps more at t = 2', () => {
    const confident = sweepTopPMinP(model.distributionAfter(examples.confident), COMPARED, [1.5, 2]);
    for (let j = 0; j < 2; j++) expect(confident.topP.kept[j]).toBeGreaterThan(confident.minP.kept[j]);
    const uncertain = sweepTopPMinP(model.distributionAfter(examples.uncertain), COMPARED, [2]);
    expect(uncertain.minP.kept[0]).toBeGreaterThan(uncertain.topP.kept[0]);
  });
});
