import type { Strings, StringsLoader } from '@kith/ui';
import type { reportStrings } from './report-strings.ts';

// The feed's own UI strings; the shared ones (retry, loading, close, other, queued, left) come from
// @kith/ui. English is bundled (the report dialog's with the dialog); other locales load on first use.
const en = {
  topics: 'Community topics',
  filter: 'Filter by tag',
  all: 'All',
  fresh: { one: '{n} new topic', other: '{n} new topics' },
  more: 'Load more',
  seeAll: 'See all in the community',
  empty: 'No topics yet.',
  pinned: 'Pinned',
  promoted: 'Promoted',
  vote: 'Upvote',
  votes: { one: '{n} vote', other: '{n} votes' },
  replies: { one: '{n} reply', other: '{n} replies' },
  tags: 'Tags',
  report: 'Report',
  voteFailed: 'Your vote was not counted.',
};

/** Every key a locale file has: the feed's and the report dialog's (whose English arrives with the dialog). */
export type HotTopicsStringKey = keyof typeof en | keyof typeof reportStrings;
export const hotTopicsStrings: Strings = { en };

export const hotTopicsLocales: Record<string, StringsLoader> = {
  es: () => import('./locales/es.ts'),
  ru: () => import('./locales/ru.ts'),
  ro: () => import('./locales/ro.ts'),
  id: () => import('./locales/id.ts'),
  'zh-CN': () => import('./locales/zh-CN.ts'),
  ar: () => import('./locales/ar.ts'),
};
