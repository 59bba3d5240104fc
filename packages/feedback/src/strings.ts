import type { Strings, StringsLoader } from '@kith/ui';

// The feedback box's own UI strings; shared ones (submit, close, required, other, left, of, sent,
// queued, e-*) come from @kith/ui. English is bundled; the other locales load on first use.
const en = {
  feedback: 'Feedback',
  message: 'Your feedback',
  topic: 'Topic',
  bug: 'Bug',
  idea: 'Idea',
  praise: 'Praise',
  question: 'Question',
  rate: 'Your rating',
  up: 'Good',
  down: 'Bad',
  email: 'Email',
  emailOpt: 'Email (optional)',
  badEmail: 'Enter a valid email address.',
  sending: 'Sending…',
  thanks: 'Thank you!',
  slow: 'Busy right now: saved, will be sent {when}.',
  more: 'Send more',
};

export type FeedbackStringKey = keyof typeof en;
export const feedbackStrings: Strings = { en };

export const feedbackLocales: Record<string, StringsLoader> = {
  es: () => import('./locales/es.ts'),
  ru: () => import('./locales/ru.ts'),
  ro: () => import('./locales/ro.ts'),
  id: () => import('./locales/id.ts'),
  'zh-CN': () => import('./locales/zh-CN.ts'),
  ar: () => import('./locales/ar.ts'),
};
