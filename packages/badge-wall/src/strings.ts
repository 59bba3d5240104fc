import type { Strings, StringsLoader } from '@kith/ui';

// The badge wall's own UI strings; close, loading and `of` ({n} of {max}) come from @kith/ui, period
// names from Intl.RelativeTimeFormat ("this week"). English is bundled; the other locales load on first use.
const en = {
  me: 'Your badges',
  badges: 'Badges',
  board: 'Leaderboard',
  all: 'All time',
  count: '{n} of {total} earned',
  points: { one: '{n} point', other: '{n} points' },
  holders: { one: '{n} member has it', other: '{n} members have it' },
  earned: 'Earned {date}',
  locked: 'Locked',
  new: 'New',
  criteria: 'How to earn it',
  rank: 'Rank',
  member: 'Member',
  score: 'Points',
  none: 'No badges yet.',
  nobody: 'No one is on the leaderboard yet.',
  missing: 'Sign in to see your badges.',
  expired: 'Your sign-in has expired. Please sign in again.',
  invalid: 'Your sign-in could not be verified. Please sign in again.',
  got: 'New badge earned: {name}',
};

export type BadgeWallStringKey = keyof typeof en;
export const badgeWallStrings: Strings = { en };

export const badgeWallLocales: Record<string, StringsLoader> = {
  es: () => import('./locales/es.ts'),
  ru: () => import('./locales/ru.ts'),
  ro: () => import('./locales/ro.ts'),
  id: () => import('./locales/id.ts'),
  'zh-CN': () => import('./locales/zh-CN.ts'),
  ar: () => import('./locales/ar.ts'),
};
