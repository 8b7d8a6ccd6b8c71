/**
 * An error caused by input a person gave (a formula, a number, a pasted file).
 * Its message is written for that person, so the interface can show it as it is.
 */
export class InputError extends Error {
  override name = 'InputError';
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
