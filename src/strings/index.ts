import { en, type Strings } from './en.ts';

export type Locale = 'en' | 'ru';
export const LOCALES: readonly Locale[] = ['en', 'ru'];
/** Each language by its own name, the same whatever language the page is in. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ru: 'Русский' };
const STORAGE_KEY = 'boltzmann-lab.locale';

const loaded = new Map<Locale, Strings>([['en', en]]);

/** Other languages are loaded when chosen, so the first screen carries English only. */
export async function loadStrings(locale: Locale): Promise<Strings> {
  if (locale === 'ru' && !loaded.has('ru')) loaded.set('ru', (await import('./ru.ts')).ru);
  return loaded.get(locale) ?? en;
}

/** The strings of a language already loaded with loadStrings (English otherwise). */
export function stringsFor(locale: Locale): Strings {
  return loaded.get(locale) ?? en;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ru';
}

/** The remembered choice, else the browser's language, else English. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, sandboxed frames); the browser's language still helps.
  }
  return navigator.language?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch itself still works.
  }
}
