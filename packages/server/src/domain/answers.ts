import type { Answer, Question, Survey } from '@kith/client/protocol';
import type { FieldIssue } from './surveyCheck.ts';

/**
 * Validates each answer against its question in the survey version the client answered: numbers
 * in range for nps (0..10) and rating (1..scale), booleans for yes/no, text within maxLength,
 * choice ids that exist ("other" text only where allowed, multiple within min/max).
 * Answers to question ids the version does not have are dropped, not fatal. The server does not
 * re-run skip logic, so it never rejects a response for a question the visitor was routed past.
 */
export function checkAnswers(survey: Survey, answers: Record<string, Answer>): { answers: Record<string, Answer>; issues: FieldIssue[] } {
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  const kept: Record<string, Answer> = {};
  const issues: FieldIssue[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) continue;
    const problem = answerProblem(q, answer);
    if (problem) issues.push({ path: `answers.${id}`, message: problem });
    else kept[id] = answer;
  }
  return { answers: kept, issues };
}

const isInt = (a: Answer): a is number => typeof a === 'number' && Number.isInteger(a);

/** Why `a` is not a valid answer to `q`, or undefined when it is. */
export function answerProblem(q: Question, a: Answer): string | undefined {
  switch (q.type) {
    case 'nps':
      return isInt(a) && a >= 0 && a <= 10 ? undefined : 'must be an integer from 0 to 10';
    case 'rating':
      return isInt(a) && a >= 1 && a <= q.scale ? undefined : `must be an integer from 1 to ${q.scale}`;
    case 'yesno':
      return typeof a === 'boolean' ? undefined : 'must be true or false';
    case 'text':
      if (typeof a !== 'string') return 'must be text';
      return a.length <= q.maxLength ? undefined : `must be at most ${q.maxLength} characters`;
    case 'single':
    case 'multiple': {
      if (typeof a !== 'object' || a === null) return 'must be { selected: [choice ids], other? }';
      const ids = new Set(q.choices.map((c) => c.id));
      const unknown = a.selected.find((s) => !ids.has(s));
      if (unknown !== undefined) return `"${unknown}" is not a choice`;
      if (new Set(a.selected).size !== a.selected.length) return 'repeats a choice';
      const hasOther = a.other !== undefined && a.other.trim() !== '';
      if (hasOther && !q.other) return 'this question has no "other" option';
      const count = a.selected.length + (hasOther ? 1 : 0);
      if (q.type === 'single') return count === 1 ? undefined : 'must pick exactly one choice';
      if (q.max !== undefined && count > q.max) return `must pick at most ${q.max}`;
      const min = q.min ?? 1;
      return count >= min ? undefined : `must pick at least ${min}`;
    }
  }
}
