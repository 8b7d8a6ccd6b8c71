/**
 * The "How it works" page's structure: its sections in order, with the displayed formulas (the same in
 * both languages, shown as code after the section's first paragraph unless `formulasAfter` says otherwise).
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
  /** Displayed formulas, language-neutral. */
  formulas?: string[];
  /** How many paragraphs come before the formulas: 1 unless given (0 puts them first). */
  formulasAfter?: number;
}

/** The words of one section in one language. */
export interface HowItWorksSectionText {
  heading: string;
  /** Plain text (inline formulas written as text); the same number in each language, one the translation of the other. */
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
    formulas: ['p_i = g_i · e^(−E_i/T) / Z', 'Z = Σ_i g_i · e^(−E_i/T)', 'k_B = 8.617333262 × 10⁻⁵ eV/K'],
  },
  {
    id: 'limits',
    formulas: ['T → 0⁺:  p_i → 0  (E_i > E_min)', 'T → ±∞:  p_i → g_i / Σ_j g_j', 'β = 1/T:  +∞ → 0 → −∞'],
  },
  {
    id: 'formulas',
    formulas: [
      'p_i = g_i · e^(−E_i/T) / Z,   Z = Σ_i g_i · e^(−E_i/T)',
      'U = ⟨E⟩ = Σ_i p_i E_i',
      'C = (⟨E²⟩ − ⟨E⟩²) / T²',
      'S = −Σ_i p_i ln(p_i / g_i) = ln Z + U/T',
      'F = U − T·S = −T ln Z',
    ],
  },
  {
    id: 'sampler',
    formulas: ['E_i = −ln p_i', "p'_i = p_i^(1/t) / Σ_j p_j^(1/t) = e^(−E_i/t) / Z", "H = −Σ_i p'_i ln p'_i"],
  },
  {
    id: 'dynamics',
    formulas: [
      'n_i(k) − p_i ∝ (1 − r)^k',
      'P(i → j) = min(1, (g_j / g_i) · e^(−(E_j − E_i)/T))',
      '1/T = ln(1 + N/q)',
    ],
    formulasAfter: 4,
  },
  {
    id: 'ngram',
    formulas: ['P(w | h) = max(c(h w) − D, 0) / c(h ·) + γ(h) · P(w | h⁻)'],
  },
  {
    id: 'exact',
    formulas: [
      'ln Z = m + ln Σ_i e^(a_i − m),   a_i = ln g_i − E_i/T,   m = max_i a_i',
      'σ_i = √(N · p_i · (1 − p_i))',
    ],
  },
];
