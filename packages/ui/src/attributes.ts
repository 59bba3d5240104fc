import type { PropertyDeclaration } from 'lit';
import * as z from 'zod/mini';

/** A Lit property declaration whose attribute is parsed by a zod/mini schema (see `attr`). */
export interface AttrDeclaration extends PropertyDeclaration {
  schema: z.ZodMiniType;
  /** What is allowed, as told in the console error: `inline, popover or modal`. */
  allowed: string;
}

/**
 * Declare an attribute parsed by `schema`. An invalid value leaves the property `undefined` (so the
 * widget's default applies) and KithElement reports it once: a console error naming the attribute
 * and `allowed`, plus the visible error state.
 *
 *   static properties = { display: attr(oneOf('inline', 'popover', 'modal')) };
 */
export function attr<T>(schema: z.ZodMiniType<T>, allowed: string, options: PropertyDeclaration = {}): AttrDeclaration {
  return {
    ...options,
    schema,
    allowed,
    converter: (value: string | null) => {
      if (value === null) return undefined;
      const r = z.safeParse(schema, value);
      return r.success ? r.data : undefined;
    },
  };
}

/** An attribute that takes one of a few words. */
export const oneOf = <const T extends string>(...values: T[]) =>
  attr(z.enum(values), values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0]!);

/** A number attribute within [min, max]. */
export const numberIn = (min: number, max = Infinity, options?: PropertyDeclaration) =>
  attr(
    z.coerce.number().check(z.minimum(min), z.maximum(max)),
    max === Infinity ? `a number of at least ${min}` : `a number from ${min} to ${max}`,
    options,
  );

/** A CSS color, as the browser understands it. */
export const cssColor = attr(
  z.string().check(z.refine((v) => typeof CSS === 'undefined' || CSS.supports('color', v))),
  'a CSS color such as #4338ca or rgb(67 56 202)',
);

/** An http(s) URL, absolute or relative to the page. */
export const urlAttr = attr(
  z.string().check(
    z.refine((v) => {
      try {
        return /^https?:$/.test(new URL(v, location.href).protocol);
      } catch {
        return false;
      }
    }),
  ),
  'an http(s) URL',
);

/** A BCP 47 language tag. */
export const localeAttr = attr(
  z.string().check(
    z.refine((v) => {
      try {
        return Intl.getCanonicalLocales(v).length === 1;
      } catch {
        return false;
      }
    }),
  ),
  'a language tag such as en, es-MX or zh-CN',
);
