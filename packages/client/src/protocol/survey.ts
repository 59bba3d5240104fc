import * as z from 'zod/mini';
import { ClientId, HttpUrl, Id, LocalizedText, Timestamp } from './common.ts';

const Comparison = z.enum(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'includes', 'answered', 'skipped']);

/** Skip logic: after this question, if the answer matches, go to `goto` (a question id or `end`). */
export const LogicRule = z.object({
  op: Comparison,
  value: z.optional(z.union([z.number(), z.string(), z.boolean()])),
  goto: Id,
});

const base = {
  id: Id,
  text: LocalizedText,
  description: z.optional(LocalizedText),
  /** Questions are required unless they say otherwise. */
  required: z._default(z.boolean(), true),
  logic: z.optional(z.array(LogicRule)),
};

export const Choice = z.object({ id: Id, label: LocalizedText });

export const NpsQuestion = z.object({
  ...base,
  type: z.literal('nps'),
  lowLabel: z.optional(LocalizedText),
  highLabel: z.optional(LocalizedText),
});
export const RatingQuestion = z.object({
  ...base,
  type: z.literal('rating'),
  scale: z._default(z.int().check(z.minimum(2), z.maximum(10)), 5),
  style: z._default(z.enum(['stars', 'emoji', 'numbers']), 'stars'),
  lowLabel: z.optional(LocalizedText),
  highLabel: z.optional(LocalizedText),
});
export const SingleChoiceQuestion = z.object({
  ...base,
  type: z.literal('single'),
  choices: z.array(Choice).check(z.minLength(1), z.maxLength(50)),
  other: z.optional(z.boolean()),
});
export const MultipleChoiceQuestion = z.object({
  ...base,
  type: z.literal('multiple'),
  choices: z.array(Choice).check(z.minLength(1), z.maxLength(50)),
  other: z.optional(z.boolean()),
  min: z.optional(z.int().check(z.minimum(0))),
  max: z.optional(z.int().check(z.minimum(1))),
});
export const TextQuestion = z.object({
  ...base,
  type: z.literal('text'),
  multiline: z.optional(z.boolean()),
  maxLength: z._default(z.int().check(z.minimum(1), z.maximum(10000)), 1000),
  placeholder: z.optional(LocalizedText),
});
export const YesNoQuestion = z.object({ ...base, type: z.literal('yesno') });

export const Question = z.discriminatedUnion('type', [
  NpsQuestion,
  RatingQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  TextQuestion,
  YesNoQuestion,
]);

/** `GET /v1/surveys/{id}`: the survey definition. */
export const Survey = z.object({
  id: Id,
  version: z.int().check(z.minimum(1)),
  title: z.optional(LocalizedText),
  /** The locale used when a text has no entry for the visitor's. */
  defaultLocale: z._default(z.string(), 'en'),
  questions: z.array(Question).check(z.minLength(1), z.maxLength(100)),
  display: z.optional(
    z.object({
      mode: z.optional(z.enum(['inline', 'popover', 'modal'])),
      trigger: z.optional(z.string()),
      sample: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
      once: z.optional(z.boolean()),
      cooldownDays: z.optional(z.number().check(z.minimum(0))),
    }),
  ),
  thankYou: z.optional(
    z.object({
      title: z.optional(LocalizedText),
      body: z.optional(LocalizedText),
      link: z.optional(z.object({ url: HttpUrl, label: LocalizedText })),
    }),
  ),
});

/** One answer: a number (nps, rating), a boolean (yes/no), text, or picked choice ids with optional "other" text. */
export const Answer = z.union([
  z.number(),
  z.boolean(),
  z.string().check(z.maxLength(10000)),
  z.object({ selected: z.array(Id).check(z.maxLength(50)), other: z.optional(z.string().check(z.maxLength(1000))) }),
]);

/** `POST /v1/surveys/{id}/responses`: upsert a partial or finished response by `responseId`. */
export const ResponseUpsert = z.object({
  responseId: ClientId,
  surveyVersion: z.int().check(z.minimum(1)),
  /** Increases with each upsert of the same response; the server keeps the highest, so retries may arrive out of order. */
  seq: z._default(z.int().check(z.minimum(0)), 0),
  answers: z.record(Id, Answer),
  finished: z.boolean(),
  locale: z.optional(z.string().check(z.maxLength(35))),
  url: z.optional(z.string().check(z.maxLength(2048))),
});

export const ResponseAck = z.object({
  responseId: ClientId,
  finished: z.boolean(),
  seq: z.number(),
});

export type Survey = z.infer<typeof Survey>;
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export type Choice = z.infer<typeof Choice>;
export type LogicRule = z.infer<typeof LogicRule>;
export type Answer = z.infer<typeof Answer>;
export type ResponseUpsert = z.input<typeof ResponseUpsert>;
export type ResponseAck = z.infer<typeof ResponseAck>;
