import { describe, expect, test } from 'vitest';
import { englishNote, englishNotes } from '../../../tests/english.ts';
import { InputError } from '../errors.ts';
import {
  type ImportedDistribution,
  MAX_IMPORT_CHARACTERS,
  MAX_IMPORT_TOKENS,
  parseTokenDistribution,
} from './importDistribution.ts';

function expectInputError(text: string, message: RegExp): void {
  let caught: unknown;
  try {
    parseTokenDistribution(text);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as Error).message).toMatch(message);
}

function expectDistribution(result: ImportedDistribution, tokens: string[], probabilities: number[]): void {
  expect(result.tokens).toEqual(tokens);
  expect(result.probabilities).toBeInstanceOf(Float64Array);
  expect(result.probabilities.length).toBe(probabilities.length);
  for (let i = 0; i < probabilities.length; i++) {
    expect(result.probabilities[i]).toBeCloseTo(probabilities[i], 12);
  }
  let sum = 0;
  for (const p of result.probabilities) sum += p;
  expect(sum).toBeCloseTo(1, 14);
}

/** exp of each log-probability, renormalised. */
function fromLogprobs(logprobs: number[]): number[] {
  const p = logprobs.map(Math.exp);
  const total = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / total);
}

describe('JSON object map', () => {
  test('token → probability, complete: no notes, coverage 1, order kept', () => {
    const result = parseTokenDistribution('{"the": 0.5, " a": 0.25, "\\n": 0.25}');
    expectDistribution(result, ['the', ' a', '\n'], [0.5, 0.25, 0.25]);
    expect(englishNote(result.source)).toBe('JSON object, token → probability');
    expect(englishNotes(result)).toEqual([]);
    expect(result.coverage).toBe(1);
  });

  test('token → probability, truncated: renormalised with a coverage note', () => {
    const result = parseTokenDistribution('{"a": 0.5, "b": 0.3, "c": 0.131}');
    expectDistribution(result, ['a', 'b', 'c'], [0.5 / 0.931, 0.3 / 0.931, 0.131 / 0.931]);
    expect(result.coverage).toBeCloseTo(0.931, 15);
    expect(englishNotes(result)).toEqual([
      'These 3 tokens cover 93.1% of the probability; the rest is left out and the shown probabilities are renormalised.',
    ]);
  });

  test('coverage note never rounds to 100% or 0%', () => {
    expect(englishNotes(parseTokenDistribution('{"a": 0.5, "b": 0.49998}'))[0]).toMatch(/cover 99\.998% /);
    expect(englishNotes(parseTokenDistribution('{"a": 0.0002}'))[0]).toMatch(/^This token covers 0\.02% /);
  });

  test('sums just above 1 (rounding in the source) are rescaled with a note', () => {
    const result = parseTokenDistribution('{"a": 0.3335, "b": 0.3335, "c": 0.3335}');
    expectDistribution(result, ['a', 'b', 'c'], [1 / 3, 1 / 3, 1 / 3]);
    expect(result.coverage).toBe(1);
    expect(englishNotes(result)).toEqual([
      'The probabilities add up to 1.0005 rather than 1 (rounding in the source); they were rescaled to sum to 1.',
    ]);
  });

  test('token → log-probability: converted with exp, truncation noted', () => {
    const result = parseTokenDistribution('{"yes": -0.1, "no": -2.5}');
    expectDistribution(result, ['yes', 'no'], fromLogprobs([-0.1, -2.5]));
    expect(result.coverage).toBeCloseTo(Math.exp(-0.1) + Math.exp(-2.5), 15);
    expect(englishNotes(result)[0]).toMatch(/^These 2 tokens cover 98\.7% of the probability/);
  });

  test('a single token with log-probability 0 is certain; llama.cpp’s −3.4e38 is probability 0', () => {
    expectDistribution(parseTokenDistribution('{"a": 0}'), ['a'], [1]);
    expectDistribution(parseTokenDistribution('{"a": 0, "b": -3.4028234663852886e+38}'), ['a', 'b'], [1, 0]);
  });

  test('token texts are data: markup, quotes, empty text and keys like __proto__ come back verbatim', () => {
    const tokens = ['<script>alert(1)</script>', '&amp;', '"', '', '__proto__', 'constructor', '1', '😀'];
    // Built as text: assigning map.__proto__ in JavaScript would set the prototype, not add a key.
    const text = `{${tokens.map((token) => `${JSON.stringify(token)}: 0.125`).join(', ')}}`;
    const result = parseTokenDistribution(text);
    // Integer-like keys come first in a JavaScript object: that is JSON.parse, not this module.
    expect([...result.tokens].sort()).toEqual([...tokens].sort());
    expect(result.tokens.length).toBe(8);
    for (const p of result.probabilities) expect(p).toBeCloseTo(0.125, 15);
  });

  test('keys that name wrappers but hold numbers are tokens', () => {
    const result = parseTokenDistribution(
      '{"choices": 0.2, "logprobs": 0.2, "content": 0.2, "probs": 0.2, "top_logprobs": 0.2}',
    );
    expect(result.tokens).toEqual(['choices', 'logprobs', 'content', 'probs', 'top_logprobs']);
  });
});

describe('OpenAI top_logprobs', () => {
  const TOP = [
    { token: 'Hello', logprob: -0.35, bytes: [72, 101, 108, 108, 111] },
    { token: 'Hi', logprob: -1.5, bytes: [72, 105] },
    { token: 'Hey', logprob: -3.2, bytes: [72, 101, 121] },
  ];
  const expected = fromLogprobs([-0.35, -1.5, -3.2]);

  test('a bare list', () => {
    const result = parseTokenDistribution(JSON.stringify(TOP));
    expectDistribution(result, ['Hello', 'Hi', 'Hey'], expected);
    expect(englishNote(result.source)).toBe(
      'list of tokens with log-probabilities (OpenAI / llama.cpp top_logprobs)',
    );
    expect(englishNotes(result)[0]).toMatch(/^These 3 tokens cover/);
  });

  test('wrapped as {"top_logprobs": [...]}, naming the chosen token', () => {
    const result = parseTokenDistribution(
      JSON.stringify({ token: 'Hello', logprob: -0.35, top_logprobs: TOP }),
    );
    expectDistribution(result, ['Hello', 'Hi', 'Hey'], expected);
    expect(englishNote(result.source)).toMatch(/at top_logprobs$/);
    expect(englishNotes(result)[0]).toBe('The model chose "Hello" at this position.');
  });

  test('a full chat-completions response: choices[0].logprobs.content[0].top_logprobs, with notes', () => {
    const response = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello!' },
          logprobs: {
            content: [
              { token: 'Hello', logprob: -0.35, bytes: [72], top_logprobs: TOP },
              { token: '!', logprob: -0.02, bytes: [33], top_logprobs: [{ token: '!', logprob: -0.02 }] },
            ],
            refusal: null,
          },
          finish_reason: 'stop',
        },
        { index: 1, message: { role: 'assistant', content: 'Hi' }, logprobs: null },
      ],
    };
    const result = parseTokenDistribution(JSON.stringify(response));
    expectDistribution(result, ['Hello', 'Hi', 'Hey'], expected);
    expect(englishNote(result.source)).toBe(
      'list of tokens with log-probabilities (OpenAI / llama.cpp top_logprobs) at choices[0].logprobs.content[0].top_logprobs',
    );
    expect(englishNotes(result)).toContain('The response has 2 choices; the first is used.');
    expect(englishNotes(result)).toContain(
      'choices[0].logprobs.content holds 2 positions; the distribution at the first is shown (the model chose "Hello" there).',
    );
  });

  test('a legacy completions response: choices[0].logprobs.top_logprobs[0] is a map', () => {
    const response = {
      choices: [
        {
          text: ' Paris',
          logprobs: {
            tokens: [' Paris'],
            token_logprobs: [-0.05],
            top_logprobs: [{ ' Paris': -0.05, ' Lyon': -3.6 }],
            text_offset: [0],
          },
        },
      ],
    };
    const result = parseTokenDistribution(JSON.stringify(response));
    expectDistribution(result, [' Paris', ' Lyon'], fromLogprobs([-0.05, -3.6]));
    expect(englishNote(result.source)).toBe(
      'JSON object, token → log-probability at choices[0].logprobs.top_logprobs[0]',
    );
  });

  test('logprobs missing from a response, or no alternatives requested, say what to ask for', () => {
    expectInputError(
      '{"choices": [{"message": {"content": "x"}, "logprobs": null}]}',
      /choices\[0\]\.logprobs is null: the response has no log-probabilities\. Ask the API/,
    );
    expectInputError(
      '{"choices": [{"logprobs": {"content": [{"token": "x", "logprob": -0.1, "top_logprobs": []}]}}]}',
      /choices\[0\]\.logprobs\.content\[0\]\.top_logprobs is empty.*top_logprobs: 20/,
    );
  });
});

describe('llama.cpp completion_probabilities', () => {
  test('older server: {"content", "probs": [{"tok_str", "prob"}]} in a list, or the whole response', () => {
    const positions = [
      {
        content: ' to',
        probs: [
          { prob: 0.9665, tok_str: ' to' },
          { prob: 0.0183, tok_str: ' different' },
          { prob: 0.0152, tok_str: ' not' },
        ],
      },
      { content: ' be', probs: [{ prob: 0.27, tok_str: ' be' }] },
    ];
    for (const text of [JSON.stringify(positions), JSON.stringify({ completion_probabilities: positions })]) {
      const result = parseTokenDistribution(text);
      expectDistribution(result, [' to', ' different', ' not'], [0.9665, 0.0183, 0.0152]);
      expect(englishNote(result.source)).toMatch(
        /^llama\.cpp completion probabilities \(older server: tok_str, prob\) at /,
      );
      expect(englishNotes(result)[0]).toMatch(
        /holds 2 positions; the distribution at the first is shown \(the model chose " to" there\)\.$/,
      );
    }
    // One entry on its own.
    const single = parseTokenDistribution(JSON.stringify(positions[0]));
    expect(englishNote(single.source)).toBe(
      'llama.cpp completion probabilities (older server: tok_str, prob) at probs',
    );
    expect(englishNotes(single)[0]).toBe('The model chose " to" at this position.');
  });

  test('current server: {"id", "token", "logprob", "bytes", "top_logprobs": [...]}', () => {
    const response = {
      index: 0,
      content: ', i',
      completion_probabilities: [
        {
          id: 11,
          token: ',',
          logprob: -0.01,
          bytes: [44],
          top_logprobs: [
            { id: 11, token: ',', logprob: -0.01, bytes: [44] },
            { id: 600, token: ' and', logprob: -4.8, bytes: [32, 97, 110, 100] },
            // llama.cpp writes ln 0 as the lowest float, since JSON has no −∞.
            { id: 7, token: '!', logprob: -3.4028234663852886e38, bytes: [33] },
          ],
        },
      ],
    };
    const result = parseTokenDistribution(JSON.stringify(response));
    expectDistribution(result, [',', ' and', '!'], [...fromLogprobs([-0.01, -4.8]), 0]);
    expect(englishNote(result.source)).toMatch(/at completion_probabilities\[0\]\.top_logprobs$/);
  });

  test('transitional form: {"probs": [{"token", "logprob"}]}', () => {
    const result = parseTokenDistribution(
      JSON.stringify({
        content: ' cat',
        probs: [
          { token: ' cat', logprob: -0.4 },
          { token: ' dog', logprob: -1.3 },
        ],
      }),
    );
    expectDistribution(result, [' cat', ' dog'], fromLogprobs([-0.4, -1.3]));
    expect(englishNote(result.source)).toBe(
      'list of tokens with log-probabilities (OpenAI / llama.cpp top_logprobs) at probs',
    );
    expect(englishNotes(result)[0]).toBe('The model chose " cat" at this position.');
  });

  test('post_sampling_probs: {"top_probs": [{"token", "prob"}]}', () => {
    const entry = {
      id: 11,
      token: ',',
      prob: 0.8,
      bytes: [44],
      top_probs: [
        { id: 11, token: ',', prob: 0.8, bytes: [44] },
        { id: 600, token: ' and', prob: 0.2, bytes: [32, 97, 110, 100] },
      ],
    };
    const result = parseTokenDistribution(JSON.stringify({ completion_probabilities: [entry] }));
    expectDistribution(result, [',', ' and'], [0.8, 0.2]);
    expect(englishNote(result.source)).toBe(
      'list of tokens with probabilities (llama.cpp top_probs) at completion_probabilities[0].top_probs',
    );
    expect(result.coverage).toBe(1);
  });

  test('a token whose text was cut (incomplete UTF-8) is named by its bytes', () => {
    const result = parseTokenDistribution(
      JSON.stringify([
        { token: 'a', logprob: -0.3 },
        { token: '', logprob: -2, bytes: [226, 128] },
        { token: '', logprob: -3, bytes: [240, 159] },
      ]),
    );
    expect(result.tokens).toEqual(['a', '<0xE2><0x80>', '<0xF0><0x9F>']);
    expect(englishNotes(result)[0]).toMatch(/^2 tokens have no complete UTF-8 text/);
  });
});

describe('duplicates', () => {
  test('repeated token texts in a list are merged, with a note', () => {
    const result = parseTokenDistribution(
      JSON.stringify([
        { token: 'a', prob: 0.5 },
        { token: 'b', prob: 0.2 },
        { token: 'a', prob: 0.1 },
        { token: 'b', prob: 0.2 },
      ]),
    );
    expectDistribution(result, ['a', 'b'], [0.6, 0.4]);
    expect(englishNotes(result)).toEqual([
      '2 entries repeat a token text already listed (first: "a"); their probabilities were added together.',
    ]);
  });

  test('merging that pushes the total above 1 is an error that mentions the merge', () => {
    expectInputError(
      JSON.stringify([
        { token: 'a', prob: 0.7 },
        { token: 'a', prob: 0.7 },
      ]),
      /add up to 1\.4, more than 1.*listed more than once/,
    );
  });
});

describe('errors', () => {
  test('not JSON: the parser’s message with its position, line and column', () => {
    expectInputError('{"a": 0.5,\n "b": }', /^This is not valid JSON: /);
    expectInputError('[{"token": "a", "prob": 0.5}', /not valid JSON: .*position 28 \(line 1, column 29\)/);
    expectInputError('{"a": 0.5,\n  b: 0.5}', /not valid JSON: .*\(line 2, column 3\)/);
    expectInputError("{'a': 0.5}", /not valid JSON/);
    // JSON has no NaN or Infinity literals, so they never reach the checks as numbers.
    expectInputError('{"a": NaN}', /not valid JSON/);
    expectInputError('[{"token": "a", "prob": Infinity}]', /not valid JSON/);
  });

  test('empty input, empty object, empty list', () => {
    expectInputError('', /nothing to import/);
    expectInputError('  \n\t ', /nothing to import/);
    expectInputError('\uFEFF', /nothing to import/);
    expectInputError('{}', /The object is empty/);
    expectInputError('[]', /The list is empty/);
    expectInputError('{"choices": []}', /choices is empty/);
  });

  test('wrappers nested without end are refused', () => {
    let text = '{"a": 1}';
    for (let i = 0; i < 12; i++) text = `{"logprobs": ${text}}`;
    expectInputError(text, /^logprobs(\.logprobs)+ is nested deeper than any supported format\.$/);
  });

  test('a list of positions at the top level: the first is taken', () => {
    const result = parseTokenDistribution(
      JSON.stringify([
        { token: 'x', logprob: -0.1, top_logprobs: [{ token: 'x', logprob: -0.1 }] },
        { token: 'y', logprob: -0.2, top_logprobs: [{ token: 'y', logprob: -0.2 }] },
      ]),
    );
    expect(result.tokens).toEqual(['x']);
    expect(englishNotes(result)[0]).toBe(
      'The list holds 2 positions; the distribution at the first is shown (the model chose "x" there).',
    );
  });

  test('a byte-order mark is ignored', () => {
    expectDistribution(parseTokenDistribution('\uFEFF{"a": 1}'), ['a'], [1]);
  });

  test('wrong shapes name what was expected', () => {
    expectInputError('42', /Expected a JSON object \(token → probability\) or a list .*found 42/);
    expectInputError('"text"', /found the text "text"/);
    expectInputError('null', /found null/);
    expectInputError(
      '[0.5, 0.5]',
      /Entry 0 is 0\.5; expected an object like \{"token": "a", "logprob": -0\.1\}/,
    );
    expectInputError(
      '[{"tok": "a", "p": 0.5}]',
      /Entry 0 has no token text: expected a "token" \(or "tok_str"\) string/,
    );
    expectInputError('[{"token": "a"}]', /Entry 0 \("a"\) has neither a "logprob" nor a "prob"/);
    expectInputError('[{"token": 5, "prob": 0.5}]', /no token text/);
    expectInputError('{"a": "0.5"}', /The value for "a" is the text "0\.5"; expected a probability/);
    expectInputError('{"a": null}', /The value for "a" is null/);
    expectInputError('{"a": [0.5]}', /The value for "a" is a list/);
    expectInputError('{"a": {"b": 0.5}}', /The value for "a" is an object/);
    expectInputError('{"a": true}', /The value for "a" is a boolean/);
  });

  test('probabilities out of range: negative, above 1, infinite', () => {
    expectInputError('{"a": 0.5, "b": 1.5}', /The value for "b" is 1\.5: above 1, so not a probability/);
    expectInputError('{"a": 1e999}', /is ∞: above 1/);
    expectInputError(
      '[{"token": "a", "prob": -0.1}]',
      /prob of Entry 0 \("a"\) is -0\.1; probabilities lie between 0 and 1/,
    );
    expectInputError('[{"token": "a", "prob": 1.2}]', /is 1\.2; probabilities lie between 0 and 1/);
    expectInputError(
      '[{"token": "a", "prob": "high"}]',
      /prob of Entry 0 \("a"\) is the text "high"; expected a number/,
    );
  });

  test('log-probabilities above 0', () => {
    expectInputError(
      '{"a": -0.5, "b": 0.2}',
      /The value for "b" is 0\.2, but "a" has -0\.5: .*never above 0/,
    );
    expectInputError(
      '{"top_logprobs": [{"token": "a", "logprob": 0.3}]}',
      /logprob of top_logprobs\[0\] \("a"\) is 0\.3; log-probabilities are never above 0/,
    );
    expectInputError(
      '[{"token": "a", "logprob": null}]',
      /logprob of Entry 0 \("a"\) is null; expected a number/,
    );
  });

  test('sums above 1 beyond rounding; all zero', () => {
    expectInputError('{"a": 0.6, "b": 0.5}', /add up to 1\.1, more than 1/);
    expectInputError('{"a": -0.1, "b": -0.2}', /add up to 1\.72.*after converting the log-probabilities/);
    expectInputError('{"a": 0, "b": 0}', /add up to 2/);
    expectInputError('[{"token": "a", "prob": 0}, {"token": "b", "prob": 0}]', /Every probability is 0/);
    expectInputError(
      '{"a": -1e999, "b": -1e999}',
      /Every probability is 0 \(the log-probabilities are all −∞\)/,
    );
  });

  test('more than 200,000 tokens', () => {
    const map: Record<string, number> = {};
    for (let i = 0; i <= MAX_IMPORT_TOKENS; i++) map[`t${i}`] = 0;
    map.t0 = 1;
    expectInputError(JSON.stringify(map), /There are 200001 tokens; at most 200000 can be imported/);
    const list = Array.from({ length: MAX_IMPORT_TOKENS + 1 }, (_, i) => ({ token: `t${i}`, prob: 0 }));
    expectInputError(JSON.stringify(list), /There are 200001 tokens/);
  });

  test('more than 20 MB of text is refused before parsing', () => {
    expectInputError(' '.repeat(MAX_IMPORT_CHARACTERS + 1), /at most 20 MB can be imported/);
  });
});

describe('size', () => {
  test('a 50,257-token map imports, complete, in the order given', () => {
    const map: Record<string, number> = {};
    let total = 0;
    for (let i = 0; i < 50_257; i++) total += 1 / (i + 1);
    for (let i = 0; i < 50_257; i++) map[`tok${i}`] = 1 / (i + 1) / total;
    const result = parseTokenDistribution(JSON.stringify(map));
    expect(result.tokens.length).toBe(50_257);
    expect(result.tokens[12_345]).toBe('tok12345');
    expect(result.probabilities[0]).toBeCloseTo(1 / total, 15);
    expect(englishNotes(result)).toEqual([]);
  });
});
