import type { FeedbackSubmit } from '@kith/client';

/** Where the feedback was written: page URL (without its #fragment), title, locale and viewport, cut to the protocol's limits. */
export const pageContext = (locale: string): NonNullable<FeedbackSubmit['context']> => ({
  url: location.href.replace(/#.*$/, '').slice(0, 2048),
  title: document.title.slice(0, 500),
  locale: locale.slice(0, 35),
  viewport: `${innerWidth}x${innerHeight}`,
});
