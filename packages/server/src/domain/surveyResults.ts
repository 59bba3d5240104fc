import type { Answer, Survey } from '@kith/client/protocol';
import { answerProblem } from './answers.ts';

/**
 * Survey results, per question of the survey's current version, over every stored response
 * (partial ones included: answers are saved as the visitor goes):
 * - NPS: promoters answer 9-10, passives 7-8, detractors 0-6; score = %promoters − %detractors
 *   (−100..100).
 * - CSAT (rating questions): the share of answers in the top two points of the scale (4-5 of 5;
 *   the top point on scales under 4), as a percentage; plus the mean and the distribution.
 * - Choice questions: count and percentage of answering respondents per choice, and "other".
 * - Yes/no: counts and the yes percentage. Text: the count and the latest answers.
 * - Completion rate: finished responses / started responses (a response is started by its first
 *   saved answer); `views` counts `view` events for the survey, when widgets send them.
 * Answers that no longer fit the current question (changed in a later version) are not counted.
 */
export type QuestionSummary =
  | { id: string; type: 'nps'; answered: number; score: number | null; promoters: number; passives: number; detractors: number; distribution: number[] }
  | { id: string; type: 'rating'; answered: number; scale: number; mean: number | null; csat: number | null; distribution: number[] }
  | { id: string; type: 'single' | 'multiple'; answered: number; choices: { id: string; count: number; percent: number }[]; other: { count: number; latest: string[] } }
  | { id: string; type: 'yesno'; answered: number; yes: number; no: number; yesPercent: number | null }
  | { id: string; type: 'text'; answered: number; latest: string[] };

export interface SurveySummary {
  surveyId: string;
  version: number;
  views: number;
  started: number;
  finished: number;
  completionRate: number | null;
  questions: QuestionSummary[];
}

const LATEST = 20;
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function npsScore(scores: readonly number[]): number | null {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return scores.length === 0 ? null : Math.round(((promoters - detractors) / scores.length) * 1000) / 10;
}

export function csat(ratings: readonly number[], scale: number): number | null {
  const satisfied = scale >= 4 ? scale - 1 : scale;
  return pct(ratings.filter((r) => r >= satisfied).length, ratings.length);
}

export function summarizeSurvey(
  survey: Survey,
  responses: readonly { answers: Record<string, Answer>; finished: boolean; updatedAt: number }[],
  views = 0,
): SurveySummary {
  const newestFirst = [...responses].sort((a, b) => b.updatedAt - a.updatedAt);
  const questions = survey.questions.map((q): QuestionSummary => {
    const values = newestFirst.map((r) => r.answers[q.id]).filter((a): a is Answer => a !== undefined && answerProblem(q, a) === undefined);
    switch (q.type) {
      case 'nps': {
        const scores = values as number[];
        const distribution = Array.from({ length: 11 }, (_, i) => scores.filter((s) => s === i).length);
        return {
          id: q.id,
          type: 'nps',
          answered: scores.length,
          score: npsScore(scores),
          promoters: scores.filter((s) => s >= 9).length,
          passives: scores.filter((s) => s === 7 || s === 8).length,
          detractors: scores.filter((s) => s <= 6).length,
          distribution,
        };
      }
      case 'rating': {
        const ratings = values as number[];
        const mean = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null;
        const distribution = Array.from({ length: q.scale }, (_, i) => ratings.filter((r) => r === i + 1).length);
        return { id: q.id, type: 'rating', answered: ratings.length, scale: q.scale, mean, csat: csat(ratings, q.scale), distribution };
      }
      case 'single':
      case 'multiple': {
        const picks = values as { selected: string[]; other?: string }[];
        const others = picks.map((p) => p.other?.trim() ?? '').filter((o) => o !== '');
        return {
          id: q.id,
          type: q.type,
          answered: picks.length,
          choices: q.choices.map((c) => {
            const count = picks.filter((p) => p.selected.includes(c.id)).length;
            return { id: c.id, count, percent: pct(count, picks.length) ?? 0 };
          }),
          other: { count: others.length, latest: others.slice(0, LATEST) },
        };
      }
      case 'yesno': {
        const yes = values.filter((v) => v === true).length;
        return { id: q.id, type: 'yesno', answered: values.length, yes, no: values.length - yes, yesPercent: pct(yes, values.length) };
      }
      case 'text': {
        const texts = (values as string[]).filter((t) => t.trim() !== '');
        return { id: q.id, type: 'text', answered: texts.length, latest: texts.slice(0, LATEST) };
      }
    }
  });
  const finished = responses.filter((r) => r.finished).length;
  return {
    surveyId: survey.id,
    version: survey.version,
    views,
    started: responses.length,
    finished,
    completionRate: pct(finished, responses.length),
    questions,
  };
}
