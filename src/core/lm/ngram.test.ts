import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { createRng } from '../rng.ts';
import { MAX_TRAINING_CHARACTERS, normalizeContext, normalizeText } from './corpus.ts';
import {
  estimateDiscounts,
  MAX_ORDER,
  type NgramModel,
  NgramModel as NgramModelClass,
  trainNgramModel,
} from './ngram.ts';

const SUM_TOLERANCE = 1e-9;

function sum(p: Float64Array): number {
  let s = 0;
  for (const x of p) s += x;
  return s;
}

function expectProperDistribution(p: Float64Array, size: number): void {
  expect(p.length).toBe(size);
  expect(Math.abs(sum(p) - 1)).toBeLessThan(SUM_TOLERANCE);
  // Every entry positive (the uniform floor) and finite; one expect, as this runs for thousands of contexts.
  expect(p.every((x) => x > 0 && Number.isFinite(x))).toBe(true);
}

function probabilityOf(model: NgramModel, context: string, character: string): number {
  return model.distribution(context)[model.indexOf(character)];
}

/** The stored count of an n-gram, read by walking the trie from the root; 0 if it is not there. */
function storedCount(model: NgramModel, ngram: string): number {
  const { firstChild, symbol, count } = model.toData();
  let node = 0;
  for (const character of ngram) {
    const s = model.indexOf(character);
    let next = -1;
    for (let c = firstChild[node]; c < firstChild[node + 1]; c++) if (symbol[c] === s) next = c;
    if (next < 0) return 0;
    node = next;
  }
  return count[node];
}

function seededText(seed: number, length: number, alphabet: string): string {
  const rng = createRng(seed);
  const characters = [...alphabet];
  let text = '';
  for (let i = 0; i < length; i++) text += characters[Math.floor(rng.nextFloat() * characters.length)];
  return text;
}

const UDHR_EN = readFileSync(new URL('../../../assets/corpora/en-udhr.txt', import.meta.url), 'utf8');

describe('normalizeText and normalizeContext', () => {
  test('line endings, whitespace runs, blank lines, invisible and control characters', () => {
    expect(normalizeText('\uFEFFa\r\nb\rc')).toBe('a\nb\nc');
    expect(normalizeText('a \t\u00A0 b')).toBe('a b');
    expect(normalizeText('a  \n  b')).toBe('a\nb');
    expect(normalizeText('a\n\n\n\n b')).toBe('a\n\nb');
    expect(normalizeText('so\u00ADft zero\u200Bwidth \u0007bell')).toBe('soft zerowidth bell');
    expect(normalizeText('lone \uD800surrogate')).toBe('lone surrogate');
    expect(normalizeText('  padded \n')).toBe('padded');
  });

  test('NFC: a combining accent and the precomposed letter are the same character', () => {
    expect(normalizeText('e\u0301')).toBe('\u00E9');
  });

  test('a context keeps its trailing space, which decides the next character', () => {
    expect(normalizeContext('the  ')).toBe('the ');
    expect(normalizeText('the  ')).toBe('the');
  });

  test('case, punctuation, letters of any script and astral characters are kept', () => {
    const text = 'Всё ЯСНО, mañana — 😀!';
    expect(normalizeText(text)).toBe(text);
  });
});

describe('trainNgramModel: vocabulary and validation', () => {
  test('the vocabulary is the distinct characters of the normalised text, in code-point order', () => {
    const model = trainNgramModel('b a\r\nc\ta😀', 3);
    expect(model.vocabulary).toEqual(['\n', ' ', 'a', 'b', 'c', '😀']);
    expect(model.indexOf('😀')).toBe(5);
    expect(model.indexOf('z')).toBe(-1);
    expect(model.indexOf('ab')).toBe(-1);
    expect(model.trainingCharacters).toBe(8);
  });

  test('bad input is an InputError with a message for a person', () => {
    expect(() => trainNgramModel('', 3)).toThrow(new InputError('training.empty', {}));
    expect(() => trainNgramModel(' \n\t ', 3)).toThrow(InputError);
    for (const order of [0, MAX_ORDER + 1, 2.5, Number.NaN, -1]) {
      expect(() => trainNgramModel('abc', order)).toThrow(/order must be a whole number from 1 to 8/);
    }
    expect(() => trainNgramModel('a'.repeat(MAX_TRAINING_CHARACTERS + 1), 3)).toThrow(
      /has 5\.0 million characters; the limit is 5 million/,
    );
    expect(() => trainNgramModel(42 as unknown as string, 3)).toThrow(InputError);
  });

  test('training is deterministic: the same text gives the same arrays', () => {
    const a = trainNgramModel(UDHR_EN, 5).toData();
    const b = trainNgramModel(UDHR_EN, 5).toData();
    expect(a).toEqual(b);
  });

  test('a one-character vocabulary is certain', () => {
    const model = trainNgramModel('aaaa', 3);
    expect([...model.distribution('aa')]).toEqual([1]);
    expect([...model.distribution('xyz')]).toEqual([1]);
  });
});

describe('counts: the trie holds every n-gram with the right (raw or continuation) count', () => {
  test('distinct n-grams per order match a brute-force count, across several table growths', () => {
    const text = normalizeText(seededText(7, 20_000, 'abcdefgh '));
    const order = 8;
    const model = trainNgramModel(text, order);
    const expected: number[] = [];
    for (let k = 1; k <= order; k++) {
      const seen = new Set<string>();
      for (let i = 0; i + k <= text.length; i++) seen.add(text.slice(i, i + k));
      expected.push(seen.size);
    }
    expect(model.distinctNgrams).toEqual(expected);
    expect(expected.reduce((s, x) => s + x)).toBeGreaterThan(4 * 4096); // the table must have grown
  });

  test('top order: raw counts; lower orders: distinct left neighbours, the start of text being one', () => {
    const text = normalizeText(seededText(11, 3000, 'abcd '));
    const order = 4;
    const model = trainNgramModel(text, order);
    const raw = new Map<string, number>();
    const left = new Map<string, Set<string>>();
    for (let k = 1; k <= order; k++) {
      for (let i = 0; i + k <= text.length; i++) {
        const gram = text.slice(i, i + k);
        raw.set(gram, (raw.get(gram) ?? 0) + 1);
        const neighbours = left.get(gram) ?? new Set<string>();
        neighbours.add(i === 0 ? '<start>' : text[i - 1]);
        left.set(gram, neighbours);
      }
    }
    for (const [gram, count] of raw) {
      const expected = gram.length === order ? count : (left.get(gram)?.size ?? 0);
      expect(storedCount(model, gram), gram).toBe(expected);
    }
  });
});

describe('Kneser–Ney by hand: "abracadabra", order 2', () => {
  // Bigram (top-order) counts: ab 2, br 2, ra 2, ac 1, ca 1, ad 1, da 1.
  //   n1 = 4, n2 = 3, n3 = n4 = 0  →  Y = 4 / (4 + 2·3) = 0.4, D1 = Y = 0.4;
  //   D2 = 2 − 3·Y·n3/n2 = 2, capped at 1 + D1 = 1.4; D3+ undefined (n3 = 0) → D2 = 1.4.
  // Unigram continuation counts (distinct left neighbours, start of text included):
  //   a: {start, r, c, d} = 4; b: {a} = 1; c: {a} = 1; d: {a} = 1; r: {b} = 1; total 8.
  //   n1 = 4, n2 = n3 = 0, n4 = 1  →  Y = 1, D1 = 1, D2 and D3+ undefined → 1.
  //   γ(root) = (1·4 + 1·1) / 8 = 5/8, so P1(a) = (4 − 1)/8 + (5/8)(1/5) = 1/2 and
  //   P1(b) = P1(c) = P1(d) = P1(r) = 0 + (5/8)(1/5) = 1/8.
  // After "a" the followers are b (2), c (1), d (1):  total 4,
  //   γ(a) = (D2 + D1 + D1) / 4 = 2.2 / 4 = 0.55,
  //   P(c | a) = (1 − 0.4)/4 + 0.55 · 1/8 = 0.15 + 0.06875 = 0.21875
  //   P(b | a) = (2 − 1.4)/4 + 0.55 · 1/8 = 0.21875
  //   P(a | a) = 0           + 0.55 · 1/2 = 0.275
  //   P(r | a) = 0           + 0.55 · 1/8 = 0.06875
  const model = trainNgramModel('abracadabra', 2);

  test('discounts from the counts of counts', () => {
    const [d1, d2, d3] = model.discounts(2);
    expect(d1).toBeCloseTo(0.4, 12);
    expect(d2).toBeCloseTo(1.4, 12);
    expect(d3).toBeCloseTo(1.4, 12);
    expect(model.discounts(1)).toEqual([1, 1, 1]);
  });

  test('the unigram level uses continuation counts: a has four left neighbours, the rest one', () => {
    const p = model.distribution('');
    expect(p[model.indexOf('a')]).toBeCloseTo(0.5, 12);
    for (const c of 'bcdr') expect(p[model.indexOf(c)]).toBeCloseTo(1 / 8, 12);
  });

  test('P(c | a), P(b | a), P(a | a), P(r | a)', () => {
    expect(probabilityOf(model, 'a', 'c')).toBeCloseTo(0.21875, 12);
    expect(probabilityOf(model, 'a', 'b')).toBeCloseTo(0.21875, 12);
    expect(probabilityOf(model, 'a', 'a')).toBeCloseTo(0.275, 12);
    expect(probabilityOf(model, 'a', 'r')).toBeCloseTo(0.06875, 12);
    expect(probabilityOf(model, 'abra', 'c')).toBeCloseTo(0.21875, 12); // only the last character counts
  });
});

describe('continuation counts', () => {
  // k occurs six times but only ever after o; z three times, after three different characters. A
  // frequency (order 1) ranks k first; the back-off distribution of an order-2 model, which answers
  // "how likely is this character to follow something new", ranks z first.
  const text = 'ok ok ok ok ok ok az bz cz';

  test('frequency favours k, continuation favours z', () => {
    const unigram = trainNgramModel(text, 1);
    expect(probabilityOf(unigram, '', 'k')).toBeGreaterThan(probabilityOf(unigram, '', 'z'));
    const bigram = trainNgramModel(text, 2);
    expect(probabilityOf(bigram, '', 'z')).toBeGreaterThan(probabilityOf(bigram, '', 'k'));
    // After a character never seen before a z or k, the same ranking holds.
    expect(probabilityOf(bigram, 'x', 'z')).toBeGreaterThan(probabilityOf(bigram, 'x', 'k'));
    // But after o, k is all but certain.
    expect(probabilityOf(bigram, 'o', 'k')).toBeGreaterThan(0.6);
  });
});

describe('estimateDiscounts', () => {
  test('Chen & Goodman formulas when every count of counts is present', () => {
    const [d1, d2, d3] = estimateDiscounts(100, 40, 20, 10);
    const y = 100 / 180;
    expect(d1).toBeCloseTo(1 - (2 * y * 40) / 100, 12);
    expect(d2).toBeCloseTo(2 - (3 * y * 20) / 40, 12);
    expect(d3).toBeCloseTo(3 - (4 * y * 10) / 20, 12);
  });

  test('any counts give positive discounts with r − D_r positive and non-decreasing in r', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 4, maxLength: 4 }), ([n1, n2, n3, n4]) => {
        const d = estimateDiscounts(n1, n2, n3, n4);
        let previousKept = 0;
        d.forEach((x, index) => {
          const r = index + 1;
          expect(x).toBeGreaterThan(0);
          expect(r - x).toBeGreaterThanOrEqual(previousKept - 1e-12);
          previousKept = r - x;
        });
      }),
    );
  });

  test('small texts: n3 = 0 no longer makes a pair seen twice less likely than one seen once', () => {
    // Raw counts of "abracadabra": a 5, b 2, r 2, c 1, d 1, so n1 = 2, n2 = 2, n3 = 0: D2 would be 2.
    const unigram = trainNgramModel('abracadabra', 1);
    expect(probabilityOf(unigram, '', 'b')).toBeGreaterThanOrEqual(probabilityOf(unigram, '', 'c'));
  });
});

describe('order 1 is the smoothed unigram', () => {
  test('P(w) = (c(w) − D(c(w))) / N + γ / V for every context', () => {
    const text = normalizeText(UDHR_EN);
    const model = trainNgramModel(text, 1);
    const counts = new Map<string, number>();
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    const countsOfCounts = [0, 0, 0, 0, 0];
    for (const c of counts.values()) if (c <= 4) countsOfCounts[c]++;
    const [d1, d2, d3] = estimateDiscounts(
      countsOfCounts[1],
      countsOfCounts[2],
      countsOfCounts[3],
      countsOfCounts[4],
    );
    expect(model.discounts(1)).toEqual([d1, d2, d3]);
    const discount = (c: number) => (c >= 3 ? d3 : c === 2 ? d2 : d1);
    const total = [...text].length;
    let held = 0;
    for (const c of counts.values()) held += discount(c);
    const gamma = held / total;
    for (const context of ['', 'Everyone has the right', 'qqq', '日本']) {
      const p = model.distribution(context);
      model.vocabulary.forEach((character, i) => {
        const c = counts.get(character) as number;
        expect(p[i]).toBeCloseTo((c - discount(c)) / total + gamma / model.size, 14);
      });
    }
    expect(model.usedContextLength('Everyone')).toBe(0);
  });
});

describe('distributions sum to 1', () => {
  test('for every context seen in training, at every order', () => {
    const text = normalizeText(UDHR_EN).slice(0, 1500);
    for (let order = 1; order <= MAX_ORDER; order++) {
      const model = trainNgramModel(text, order);
      const out = new Float64Array(model.size);
      const contexts = new Set<string>();
      for (let i = 0; i <= text.length; i++) contexts.add(text.slice(Math.max(0, i - (order - 1)), i));
      for (const context of contexts) {
        expectProperDistribution(model.distribution(context, out), model.size);
      }
    }
  }, 30_000);

  test('property: any training text, any order, any context (unseen, unknown characters, surrogates)', () => {
    const character = fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', 'Я', '😀', 'z');
    fc.assert(
      fc.property(
        fc.array(character, { minLength: 1, maxLength: 200 }).map((cs) => cs.join('')),
        fc.integer({ min: 1, max: MAX_ORDER }),
        fc.array(fc.oneof(character, fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 12 }),
        (text, order, contextParts) => {
          fc.pre(normalizeText(text).length > 0);
          const model = trainNgramModel(text, order);
          const context = contextParts.join('');
          expectProperDistribution(model.distribution(context), model.size);
          expectProperDistribution(model.distributionAfter(context), model.size);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('back-off', () => {
  const model = trainNgramModel('abababab', 3);

  test('a character outside the vocabulary cuts the context: "xb" predicts like "b"', () => {
    expect(model.distribution('xb')).toEqual(model.distribution('b'));
    expect(model.distribution('ab')).not.toEqual(model.distribution('b'));
    expect(model.usedContextLength('xb')).toBe(1);
    expect(model.usedContextLength('ab')).toBe(2);
  });

  test('an unseen context of known characters backs off to its longest seen suffix: "bb" like "b"', () => {
    expect(model.distribution('bb')).toEqual(model.distribution('b'));
    expect(model.distribution('zzzz')).toEqual(model.distribution(''));
    expect(model.usedContextLength('zzzz')).toBe(0);
  });

  test('only the last order − 1 characters matter', () => {
    expect(model.distribution('bbbbbab')).toEqual(model.distribution('ab'));
  });

  test('the alternation is learnt: after "ab" comes "a", after "ba" comes "b"', () => {
    expect(probabilityOf(model, 'ab', 'a')).toBeGreaterThan(0.8);
    expect(probabilityOf(model, 'ba', 'b')).toBeGreaterThan(0.8);
  });

  test('a context seen only at the very end of the text (nothing followed it) backs off', () => {
    const m = trainNgramModel('abcabd', 3);
    // "bd" ends the text: it exists as an n-gram but was never a context.
    expect(m.distribution('bd')).toEqual(m.distribution('d'));
    expect(m.usedContextLength('bd')).toBe(0);
  });
});

describe('queries', () => {
  test('an output array is filled in place; a wrong length is a RangeError', () => {
    const model = trainNgramModel(UDHR_EN, 4);
    const out = new Float64Array(model.size);
    expect(model.distribution('the ', out)).toBe(out);
    expect(() => model.distribution('the ', new Float64Array(model.size + 1))).toThrow(RangeError);
  });

  test('astral characters are single symbols in contexts too', () => {
    const model = trainNgramModel('a😀b a😀b a😀b c😀d', 3);
    expect(probabilityOf(model, 'a😀', 'b')).toBeGreaterThan(0.5);
    expect(probabilityOf(model, 'c😀', 'd')).toBeGreaterThan(0.3);
  });

  test('distributionAfter normalises the context first', () => {
    const model = trainNgramModel('the cat\nthe dog\nthe end', 4);
    expect(model.distributionAfter('the\t')).toEqual(model.distribution('the '));
    expect(model.distributionAfter('x\r\n')).toEqual(model.distribution('x\n'));
  });

  test('toData survives a structured clone and gives the same predictions', () => {
    const model = trainNgramModel(UDHR_EN, 5);
    const copy = NgramModelClass.fromData(structuredClone(model.toData()));
    for (const context of ['Everyone ', 'right to', '', 'xyz', 'Article 1']) {
      expect(copy.distribution(context)).toEqual(model.distribution(context));
    }
    expect(model.transferables()).toHaveLength(6);
  });

  test('inconsistent data is refused', () => {
    const data = { ...trainNgramModel('abc', 2).toData(), count: new Int32Array(1) };
    expect(() => NgramModelClass.fromData(data)).toThrow(/Inconsistent/);
  });
});

describe('crossEntropy', () => {
  const text = normalizeText(UDHR_EN);
  const cut = Math.floor(text.length * 0.85);
  const training = text.slice(0, cut);
  const heldOut = text.slice(cut);

  test('the training text is predicted better and better as the order grows', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const order of [1, 2, 3, 5, 8]) {
      const bits = trainNgramModel(training, order).crossEntropy(training).bitsPerCharacter;
      expect(bits).toBeLessThan(previous);
      previous = bits;
    }
  });

  test('held-out text: a 5-gram model beats the unigram and stays below log2 V', () => {
    const unigram = trainNgramModel(training, 1).crossEntropy(heldOut);
    const fiveGram = trainNgramModel(training, 5).crossEntropy(heldOut);
    expect(fiveGram.bitsPerCharacter).toBeLessThan(unigram.bitsPerCharacter - 1);
    expect(unigram.bitsPerCharacter).toBeLessThan(Math.log2(trainNgramModel(training, 1).size));
    expect(fiveGram.perplexity).toBeCloseTo(2 ** fiveGram.bitsPerCharacter, 12);
  });

  test('characters outside the vocabulary are skipped and counted', () => {
    const model = trainNgramModel('abab', 2);
    const result = model.crossEntropy('abxab');
    expect(result.unknown).toBe(1);
    expect(result.scored).toBe(4);
  });

  test('it agrees with distribution() character by character', () => {
    const model = trainNgramModel(training, 4);
    const sample = 'Everyone has the right to rest.';
    let bits = 0;
    const characters = [...sample];
    characters.forEach((c, i) => {
      bits -= Math.log2(probabilityOf(model, characters.slice(0, i).join(''), c));
    });
    expect(model.crossEntropy(sample).bitsPerCharacter).toBeCloseTo(bits / characters.length, 10);
  });
});
