import type { PropertyDeclaration } from 'lit';

/** A Lit property declaration whose attribute is read by `parse` (see `attr`). */
export interface AttrDeclaration extends PropertyDeclaration {
  /** The attribute's value, or `undefined` when it is not valid. */
  parse: (value: string) => unknown;
  /** What is allowed, as told in the console error: `inline, popover or modal`. */
  allowed: string;
}

/**
 * Declare an attribute read by `parse`, which returns the value or `undefined` for an invalid one.
 * An invalid value leaves the property `undefined` (so the widget's default applies) and KithElement
 * reports it once: a console error naming the attribute and `allowed`, plus the visible error state.
 *
 *   static properties = { survey: attr((v) => v || undefined, 'a survey id') };
 */
export function attr<T>(parse: (value: string) => T | undefined, allowed: string, options: PropertyDeclaration = {}): AttrDeclaration {
  return { ...options, parse, allowed, converter: (value: string | null) => (value === null ? undefined : parse(value)) };
}

/** An attribute that passes `test` as it is. */
export const attrIf = (test: (value: string) => unknown, allowed: string, options?: PropertyDeclaration) =>
  attr((v) => (test(v) ? v : undefined), allowed, options);

/** An attribute that takes one of a few words. */
export const oneOf = <const T extends string>(...values: T[]) =>
  attrIf((v) => values.includes(v as T), values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0]!);

/** The words of a comma list: `" a, b,,c"` -> `['a', 'b', 'c']`. */
export const words = (list?: string | null): string[] => (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A comma list attribute whose words are at most `max` characters (what the protocol takes). */
export const wordsAttr = (max: number) => attrIf((v) => words(v).every((w) => w.length <= max), `comma-separated words of at most ${max} characters`);

/**
 * A number attribute within [min, max]. An empty one (`sample=""`) is `empty`: by default nothing, so
 * the widget's default applies; a boolean-style attribute such as `live` passes its meaning.
 */
export const numberIn = (min: number, max = Infinity, empty?: number) =>
  attr(
    (v) => {
      const n = v ? Number(v) : empty!;
      return isFinite(n) && n >= min && n <= max ? n : undefined;
    },
    max === Infinity ? `a number of at least ${min}` : `a number from ${min} to ${max}`,
  );

const tries = (test: () => unknown) => {
  try {
    return test();
  } catch {
    return false;
  }
};

/** A CSS color, as the browser understands it. */
export const cssColor = attrIf((v) => typeof CSS === 'undefined' || CSS.supports('color', v), 'a CSS color such as #4338ca or rgb(67 56 202)');

/** An http(s) URL, absolute or relative to the page. */
export const urlAttr = attrIf((v) => tries(() => /^https?:$/.test(new URL(v, location.href).protocol)), 'an http(s) URL');

/** A BCP 47 language tag. */
export const localeAttr = attrIf((v) => tries(() => Intl.getCanonicalLocales(v).length === 1), 'a language tag such as en, es-MX or zh-CN');
