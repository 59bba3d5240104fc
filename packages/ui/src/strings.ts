import type { Message, Strings } from './i18n.ts';

// The shared strings every widget can use through `t()`; widgets add their own in `static strings`.
// Only English is bundled: other locales are separate chunks (locales/*.ts) loaded on first use.
// Error keys are `e-` plus a KithError kind (and `e-not-found`).
const en = {
  close: 'Close',
  back: 'Back',
  next: 'Next',
  submit: 'Submit',
  retry: 'Try again',
  loading: 'Loading…',
  required: 'Please answer this.',
  other: 'Other',
  specify: 'Please specify',
  yes: 'Yes',
  no: 'No',
  min: { one: 'Choose at least {n} option.', other: 'Choose at least {n} options.' },
  max: { one: 'Choose at most {n} option.', other: 'Choose at most {n} options.' },
  left: { one: '{n} character left', other: '{n} characters left' },
  of: '{n} of {max}',
  queued: 'Saved, will send when you are online.',
  sent: 'Sent.',
  'e-network': 'Cannot reach the server. Check your connection.',
  'e-timeout': 'The server took too long to answer.',
  'e-rejected': 'The server refused this request.',
  'e-rate-limited': 'Too many requests. Please try again shortly.',
  'e-invalid-response': 'The server sent something unexpected.',
  'e-invalid-config': 'This widget is not set up correctly.',
  'e-queue-full': 'Too much is waiting to be sent. Please try again later.',
  'e-not-found': 'This content was not found.',
};

export type UiStringKey = keyof typeof en;
export const uiStrings: Strings = { en };

/** Loads one locale's strings (a dynamic import of a module whose default export is the table). */
export type StringsLoader = () => Promise<{ default: Record<string, Message> }>;

/** The shared strings of the other bundled locales. */
export const uiLocales: Record<string, StringsLoader> = {
  es: () => import('./locales/es.ts'),
  ru: () => import('./locales/ru.ts'),
  ro: () => import('./locales/ro.ts'),
  id: () => import('./locales/id.ts'),
  'zh-CN': () => import('./locales/zh-CN.ts'),
  ar: () => import('./locales/ar.ts'),
};
