/**
 * The "How it works" page's structure: its sections in order, with the displayed formulas (TeX, the same
 * in both languages, typeset after the section's first paragraph unless `formulasAfter` says otherwise).
 * The words are in the strings files (src/strings/<language>/howItWorks.ts), keyed by section id, and are
 * loaded only when the page is shown.
 */

export type HowItWorksLanguage = 'en' | 'ru';

/** Ids of the sections, in order; unique and usable as part of an HTML id. */
export const HOW_IT_WORKS_SECTION_IDS = [
  'model',
  'limits',
  'formulas',
  'sampler',
  'dynamics',
  'ngram',
  'exact',
] as const;
export type HowItWorksSectionId = (typeof HOW_IT_WORKS_SECTION_IDS)[number];

export interface HowItWorksSection {
  id: HowItWorksSectionId;
  /** Displayed formulas in TeX (no dollars), language-neutral. */
  formulas?: string[];
  /** How many paragraphs come before the formulas: 1 unless given (0 puts them first). */
  formulasAfter?: number;
}

/** The words of one section in one language. */
export interface HowItWorksSectionText {
  heading: string;
  /** Text with inline formulas in TeX between dollars (mathText.ts); the same number in each language, one the translation of the other. */
  paragraphs: readonly string[];
}

/** The page's words in one language: a missing section is a type error. */
export interface HowItWorksText {
  title: string;
  contentsLabel: string;
  intro: string;
  sections: Readonly<Record<HowItWorksSectionId, HowItWorksSectionText>>;
}

/** The page's words in a language, fetched on demand so that the first screen does not carry them. */
export async function loadHowItWorksText(language: HowItWorksLanguage): Promise<HowItWorksText> {
  const module =
    language === 'ru'
      ? await import('../../strings/ru/howItWorks.ts')
      : await import('../../strings/en/howItWorks.ts');
  return module.howItWorks;
}

export const HOW_IT_WORKS_SECTIONS: readonly HowItWorksSection[] = [
  {
    id: 'model',
    formulas: [
      'p_i = \\frac{g_i\\, e^{-E_i/T}}{Z}',
      'Z = \\sum_i g_i\\, e^{-E_i/T}',
      'k_B = 8.617333262 \\times 10^{-5}\\ \\text{eV/K}',
    ],
  },
  {
    id: 'limits',
    formulas: [
      'T \\to 0^+\\colon\\quad p_i \\to 0 \\quad (E_i > E_{\\min})',
      'T \\to \\pm\\infty\\colon\\quad p_i \\to \\frac{g_i}{\\sum_j g_j}',
      '\\beta = \\frac{1}{T}\\colon\\quad +\\infty \\to 0 \\to -\\infty',
    ],
  },
  {
    id: 'formulas',
    formulas: [
      'p_i = \\frac{g_i\\, e^{-E_i/T}}{Z}, \\qquad Z = \\sum_i g_i\\, e^{-E_i/T}',
      'U = \\langle E \\rangle = \\sum_i p_i E_i',
      'C = \\frac{\\langle E^2 \\rangle - \\langle E \\rangle^2}{T^2}',
      'S = -\\sum_i p_i \\, \\ln \\frac{p_i}{g_i} = \\ln Z + \\frac{U}{T}',
      'F = U - T S = -T \\ln Z',
    ],
  },
  {
    id: 'sampler',
    formulas: [
      'E_i = -\\ln p_i',
      "p'_i = \\frac{p_i^{1/t}}{\\sum_j p_j^{1/t}} = \\frac{e^{-E_i/t}}{Z}",
      "H = -\\sum_i p'_i \\, \\ln p'_i",
    ],
  },
  {
    id: 'dynamics',
    formulas: [
      'n_i(k) - p_i \\propto (1 - r)^k',
      'P(i \\to j) = \\min\\left(1,\\ \\frac{g_j}{g_i}\\, e^{-(E_j - E_i)/T}\\right)',
      '\\frac{1}{T} = \\ln\\left(1 + \\frac{N}{q}\\right)',
    ],
    formulasAfter: 4,
  },
  {
    id: 'ngram',
    formulas: [
      'P(w \\mid h) = \\frac{\\max\\left(c(h\\,w) - D,\\ 0\\right)}{c(h\\,\\cdot)} + \\gamma(h)\\, P(w \\mid h^-)',
    ],
  },
  {
    id: 'exact',
    formulas: [
      '\\ln Z = m + \\ln \\sum_i e^{a_i - m}, \\qquad a_i = \\ln g_i - \\frac{E_i}{T}, \\qquad m = \\max_i a_i',
      '\\sigma_i = \\sqrt{N p_i (1 - p_i)}',
    ],
  },
];
