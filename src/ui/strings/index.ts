import { en, type Strings } from './en.ts';
import { ru } from './ru.ts';

export type Locale = 'en' | 'ru';
export const LOCALES: readonly Locale[] = ['en', 'ru'];
const STORAGE_KEY = 'boltzmann-lab.locale';

export function stringsFor(locale: Locale): Strings {
  return locale === 'ru' ? ru : en;
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
