export { KithFeedback, type FeedbackDisplay, type FeedbackPosition, type FeedbackState, type CaptchaHook } from './feedback.ts';
export type { FeedbackDraft } from './draft.ts';
export { feedbackStrings, feedbackLocales } from './strings.ts';
