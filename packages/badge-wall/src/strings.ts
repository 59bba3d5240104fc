import type { Strings, StringsLoader } from '@kith/ui';
import type { strings as detailStrings } from './detail.ts';
import type { strings as boardStrings } from './leaderboard.ts';

// The badge wall's own UI strings; close, loading and `of` ({n} of {max}) come from @kith/ui, period
// names from Intl.RelativeTimeFormat ("this week"). English is bundled (the detail's and the leaderboard's
// with those parts); the other locales load on first use.
const en = {
  me: 'Your badges',
  badges: 'Badges',
  board: 'Leaderboard',
  count: '{n} of {total} earned',
  points: { one: '{n} point', other: '{n} points' },
  holders: { one: '{n} member has it', other: '{n} members have it' },
  locked: 'Locked',
  new: 'New',
  none: 'No badges yet.',
  missing: 'Sign in to see your badges.',
  expired: 'Your sign-in has expired. Please sign in again.',
  invalid: 'Your sign-in could not be verified. Please sign in again.',
  got: 'New badge earned: {name}',
};

/** Every key a locale file has: the wall's, the detail's and the leaderboard's. */
export type BadgeWallStringKey = keyof typeof en | keyof typeof detailStrings | keyof typeof boardStrings;
export const badgeWallStrings: Strings = { en };

export const badgeWallLocales: Record<string, StringsLoader> = {
  es: () => import('./locales/es.ts'),
  ru: () => import('./locales/ru.ts'),
  ro: () => import('./locales/ro.ts'),
  id: () => import('./locales/id.ts'),
  'zh-CN': () => import('./locales/zh-CN.ts'),
  ar: () => import('./locales/ar.ts'),
};
