import { en, type Strings } from './en.ts';

/** Russian strings. (Placeholder until the translation lands: same shape as en.) */
export const ru: Strings = { ...en };
