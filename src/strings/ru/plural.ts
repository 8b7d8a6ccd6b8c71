/** Russian plural categories, from the platform's CLDR data. */
const RULES = new Intl.PluralRules('ru');

/**
 * The form of a Russian noun after a number: one (1, 21, 101 токен), few (2–4, 22–24 токена) or many
 * (0, 5–20, 25–30 токенов). A fractional number is CLDR's "other", which takes the "few" form (1,5 токена).
 */
export function plural(n: number, one: string, few: string, many: string): string {
  switch (RULES.select(n)) {
    case 'one':
      return one;
    case 'many':
      return many;
    default:
      return few;
  }
}
