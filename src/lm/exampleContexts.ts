/**
 * Example contexts for the bundled texts, one where the model (order 5, the screen's default) is
 * confident about the next character and one where it is not, so that top-p and min-p part ways by
 * default. Chosen by measuring each text's model (src/lm/exampleContexts.test.ts checks the figures):
 *
 * | text    | context               | entropy | p_max | kept by top-p 0.9 / min-p 0.1 at t = 1, 1.5, 2 |
 * |---------|-----------------------|---------|-------|-----------------------------------------------|
 * | en-sotu | "I want to thank "    | 1.6 bit | 0.80  | 6 / 1, 24 / 2, 42 / 10                        |
 * | en-sotu | "and the "            | 4.8 bit | 0.084 | 23 / 24, 32 / 38, 38 / 47                     |
 * | en-udhr | "human righ"          | 0.2 bit | 0.98  | 1 / 1, 5 / 1, 25 / 1                          |
 * | en-udhr | "No one shall be "    | 4.2 bit | 0.11  | 14 / 16, 24 / 19, 33 / 35                     |
 * | ru-udhr | "человек"             | 1.6 bit | 0.65  | 3 / 3, 13 / 3, 34 / 6                         |
 * | ru-udhr | "в "                  | 4.8 bit | 0.099 | 22 / 23, 36 / 28, 46 / 59                     |
 */
export interface ExampleContexts {
  confident: string;
  uncertain: string;
}

export const EXAMPLE_CONTEXTS: Readonly<Record<string, ExampleContexts>> = Object.freeze({
  'en-sotu': { confident: 'I want to thank ', uncertain: 'and the ' },
  'en-udhr': { confident: 'human righ', uncertain: 'No one shall be ' },
  'ru-udhr': { confident: 'человек', uncertain: 'в ' },
});
