import { expect, test } from 'vitest';
import { en } from '../strings/en.ts';
import { errorText } from '../strings/messageTable.ts';
import { checkModelSize, MAX_MODEL_BYTES } from './modelLimits.ts';

test('a file up to 2^31 − 1 bytes passes; a larger one is refused with the limit in the message', () => {
  expect(() => checkModelSize(MAX_MODEL_BYTES)).not.toThrow();
  expect(() => checkModelSize(150 * 1024 * 1024)).not.toThrow();
  let refused: unknown;
  try {
    checkModelSize(MAX_MODEL_BYTES + 1);
  } catch (error) {
    refused = error;
  }
  expect(errorText(en, refused)).toContain('at most 2048 MB');
});
