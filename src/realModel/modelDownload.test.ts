import { expect, test } from 'vitest';
import { modelNameFromAddress, parseModelAddress } from './modelDownload.ts';

test('an address is http(s); the model is named by its last path segment', () => {
  const url = parseModelAddress(
    ' https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct-GGUF/resolve/main/smollm2-135m-instruct-q8_0.gguf ',
  );
  expect(url.host).toBe('huggingface.co');
  expect(modelNameFromAddress(url)).toBe('smollm2-135m-instruct-q8_0.gguf');
  expect(
    modelNameFromAddress(parseModelAddress('https://example.org/models/my%20model.gguf?download=1')),
  ).toBe('my model.gguf');
  for (const text of ['huggingface.co/x.gguf', 'ftp://example.org/x.gguf', 'javascript:alert(1)', '']) {
    expect(() => parseModelAddress(text)).toThrow(expect.objectContaining({ code: 'download.badAddress' }));
  }
});
