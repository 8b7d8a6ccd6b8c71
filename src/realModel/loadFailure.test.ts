import { describe, expect, test } from 'vitest';
import { en } from '../strings/en.ts';
import { errorText } from '../strings/messageTable.ts';
import { ru } from '../strings/ru.ts';
import { classifyLoadFailure } from './loadFailure.ts';

const MB = 1024 * 1024;

describe('classifyLoadFailure', () => {
  test("llama.cpp's unknown architecture names it", () => {
    const lines = [
      'llama_model_loader: loaded meta data with 18 key-value pairs',
      "llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'boltzmann-toy'",
    ];
    expect(classifyLoadFailure(lines, new Error('Error while loading model'), 1).toMessage()).toEqual({
      code: 'model.architecture',
      params: { architecture: 'boltzmann-toy' },
    });
  });
  test('an allocation failure is out of memory, with the file size', () => {
    const error = classifyLoadFailure(
      ['ggml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer'],
      null,
      512 * MB,
    );
    expect(error.toMessage()).toEqual({ code: 'model.outOfMemory', params: { megabytes: 512 } });
  });
  test("any other failure keeps llama.cpp's own reason, quoted in both languages", () => {
    const error = classifyLoadFailure(
      ["llama_model_load: error loading model: missing tensor 'output_norm.weight'"],
      new Error('Error while loading model'),
      1,
    );
    expect(error.toMessage()).toEqual({
      code: 'model.loadFailed',
      params: { reason: "missing tensor 'output_norm.weight'" },
    });
    expect(errorText(en, error)).toBe(
      "llama.cpp could not load this file: missing tensor 'output_norm.weight'.",
    );
    expect(errorText(ru, error)).toBe(
      "llama.cpp не смог загрузить этот файл (сообщение llama.cpp: missing tensor 'output_norm.weight').",
    );
    expect(classifyLoadFailure([], new Error('Error while loading model'), 1).toMessage()).toEqual({
      code: 'model.loadFailed',
      params: { reason: null },
    });
  });
});
