import type { LocalizedText, Problem, Question, Survey } from '@kith/client/protocol';

/** One problem with one field, as problem+json `errors` carries it. */
export type FieldIssue = NonNullable<Problem['errors']>[number];

const NUMERIC_OPS = new Set(['lt', 'lte', 'gt', 'gte']);

/**
 * Checks what the schema cannot: unique ids, skip logic that only jumps forward to a question that
 * exists (or `end`), operators that fit the question type, choice limits that can be met, and
 * localized texts that include the survey's default locale. Returns issues with field paths.
 */
export function checkSurvey(survey: Survey): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const index = new Map<string, number>();
  survey.questions.forEach((q, i) => {
    if (q.id === 'end') add(`questions.${i}.id`, '"end" is reserved for skip logic');
    if (index.has(q.id)) add(`questions.${i}.id`, `duplicate question id "${q.id}"`);
    else index.set(q.id, i);
  });

  const localized = (text: LocalizedText | undefined, path: string) => {
    if (text && typeof text === 'object' && !(survey.defaultLocale in text)) {
      add(path, `has no "${survey.defaultLocale}" text (the survey's defaultLocale)`);
    }
  };
  localized(survey.title, 'title');
  localized(survey.thankYou?.title, 'thankYou.title');
  localized(survey.thankYou?.body, 'thankYou.body');
  localized(survey.thankYou?.link?.label, 'thankYou.link.label');

  survey.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    localized(q.text, `${at}.text`);
    localized(q.description, `${at}.description`);
    if (q.type === 'single' || q.type === 'multiple') checkChoices(q, at, add, localized);
    q.logic?.forEach((rule, r) => {
      const rp = `${at}.logic.${r}`;
      if (rule.goto !== 'end') {
        const target = index.get(rule.goto);
        if (target === undefined) add(`${rp}.goto`, `no question "${rule.goto}"`);
        else if (target <= i) add(`${rp}.goto`, 'skip logic may only jump forward');
      }
      const numeric = q.type === 'nps' || q.type === 'rating';
      if (NUMERIC_OPS.has(rule.op) && (!numeric || typeof rule.value !== 'number')) {
        add(`${rp}.op`, `"${rule.op}" needs a numeric question and a number value`);
      }
      if (rule.op === 'includes') {
        const choices = q.type === 'single' || q.type === 'multiple' ? q.choices.map((c) => c.id) : null;
        if (!choices) add(`${rp}.op`, '"includes" needs a choice question');
        else if (typeof rule.value !== 'string' || !choices.includes(rule.value)) add(`${rp}.value`, 'must be one of the choice ids');
      }
      if ((rule.op === 'eq' || rule.op === 'neq') && rule.value === undefined) add(`${rp}.value`, `"${rule.op}" needs a value`);
    });
  });
  return issues;
}

function checkChoices(
  q: Extract<Question, { type: 'single' | 'multiple' }>,
  at: string,
  add: (path: string, message: string) => void,
  localized: (text: LocalizedText | undefined, path: string) => void,
) {
  const seen = new Set<string>();
  q.choices.forEach((c, j) => {
    if (seen.has(c.id)) add(`${at}.choices.${j}.id`, `duplicate choice id "${c.id}"`);
    seen.add(c.id);
    localized(c.label, `${at}.choices.${j}.label`);
  });
  if (q.type === 'multiple') {
    const available = q.choices.length + (q.other ? 1 : 0);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) add(`${at}.min`, 'must not exceed max');
    if (q.min !== undefined && q.min > available) add(`${at}.min`, `exceeds the ${available} available choices`);
  }
}
