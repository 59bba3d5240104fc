import type { LocalizedText } from '@kith/client';

/** One UI string: plain, or one form per plural category chosen by the `n` variable. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
/** A widget's strings: locale -> key -> message. `en` is the fallback and must be complete. */
export type Strings = Record<string, Record<string, Message>>;

const RTL = /^(ar|he|fa|ur|ps|sd|yi|dv|ckb)\b/i;

/** `rtl` for right-to-left languages. */
export const direction = (locale: string): 'rtl' | 'ltr' => (RTL.test(locale) ? 'rtl' : 'ltr');

/** The first candidate tag that is a valid BCP 47 tag, canonicalized; `en` when none. */
export function pickLocale(candidates: (string | null | undefined)[]): string {
  for (const c of candidates) {
    if (!c) continue;
    try {
      return Intl.getCanonicalLocales(c)[0]!;
    } catch {
      // not a language tag: try the next source
    }
  }
  return 'en';
}

/** The best of `available` for `locale`: exact, then same language (`es-MX` -> `es`, `zh-TW` -> `zh-CN`), else `otherwise`. */
export function matchLocale(locale: string, available: readonly string[], otherwise = 'en'): string {
  const lower = locale.toLowerCase();
  const lang = lower.split('-')[0];
  return (
    available.find((a) => a.toLowerCase() === lower) ??
    available.find((a) => a.toLowerCase().split('-')[0] === lang) ??
    otherwise
  );
}

/** The key of `text` for `locale`: exact, same language, the default locale, then any. */
const pick = (text: Record<string, string>, locale: string, fallback: string) => {
  // only the text's own keys: a defaultLocale such as "toString" must not reach Object.prototype
  const keys = Object.keys(text);
  return matchLocale(locale, keys, keys.includes(fallback) ? fallback : keys[0]);
};
const lang = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** Text from a backend definition in the visitor's language: exact, same language, the default locale, then any. */
export const localize = (text: LocalizedText | undefined, locale: string, fallback = 'en'): string =>
  typeof text !== 'object' ? (text ?? '') : (text[pick(text, locale, fallback)] ?? '');

/**
 * The language `localize` finds `text` in when it is not `locale`'s (an English text on a French
 * page), for a `lang` attribute (WCAG 3.1.2); undefined when it is, or for a plain string, whose
 * language is not known.
 */
export function otherLang(text: LocalizedText | undefined, locale: string, fallback = 'en'): string | undefined {
  const key = typeof text === 'object' ? pick(text, locale, fallback) : undefined;
  return key && lang(key) !== lang(locale) ? key : undefined;
}

// Intl objects are costly to build (tens of µs): one of each per locale, reused.
const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const cached = <T>(map: Map<string, T>, locale: string, make: () => T) => map.get(locale) ?? (map.set(locale, make()), map.get(locale)!);

// Languages whose default digits are 0-9 (unless the tag asks for others with -u-nu-): below 1000,
// with no grouping separator, a number reads the same as String(n), and the page skips building its
// first Intl.NumberFormat (about 18 ms of CPU in Chromium) while a widget renders.
const LATIN = /^(en|es|ru|ro|id|zh)\b(?!.*-nu-)/i;

/** A number written for `locale` (Intl.NumberFormat, one per locale, reused). */
export const formatNumber = (v: number, locale: string): string =>
  Number.isInteger(v) && v >= 0 && v < 1000 && LATIN.test(locale)
    ? String(v)
    : cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(v);

/** Fill `{name}` slots; numbers are formatted for `locale`, and `n` picks the plural form. */
export function format(message: Message | undefined, locale: string, vars: Record<string, string | number> = {}): string {
  const m =
    typeof message !== 'object'
      ? (message ?? '')
      : (message[cached(plurals, locale, () => new Intl.PluralRules(locale)).select(Number(vars.n ?? 0))] ?? message.other ?? '');
  return m.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    return typeof v === 'number' ? formatNumber(v, locale) : (v ?? '');
  });
}
