import { CodedError } from '../../src/core/errors.ts';
import { en } from '../../src/strings/en.ts';
import { errorText } from '../../src/strings/messageTable.ts';

/**
 * In the unit tests an engine error's `message` is its English text from the strings (the app never shows
 * `message`), so that tests written against what a person reads keep checking exactly that.
 */
Object.defineProperty(CodedError.prototype, 'message', {
  configurable: true,
  get(this: CodedError) {
    return errorText(en, this);
  },
});
