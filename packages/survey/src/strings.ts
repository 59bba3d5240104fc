import type { Strings, StringsLoader } from '@kith/ui';

// The survey's own UI strings; the shared ones (next, back, submit, close, required...) come from
// @kith/ui. English is bundled; the other locales load on first use.
const en = {
  survey: 'Survey',
  progress: 'Question {n} of {total}',
  optional: 'Optional',
  low: 'Not likely',
  high: 'Very likely',
  thanks: 'Thank you!',
  thanksSent: 'Your answers were sent.',
  thanksQueued: 'Your answers are saved and will be sent when you are back online.',
};

export type SurveyStringKey = keyof typeof en;
export const surveyStrings: Strings = { en };

export const surveyLocales: Record<string, StringsLoader> = {
  es: () => import('./locales/es.ts'),
  ru: () => import('./locales/ru.ts'),
  ro: () => import('./locales/ro.ts'),
  id: () => import('./locales/id.ts'),
  'zh-CN': () => import('./locales/zh-CN.ts'),
  ar: () => import('./locales/ar.ts'),
};
