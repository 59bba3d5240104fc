import type { Answer, LogicRule, Question, Survey } from '@kith/client';

type Choices = { selected: string[]; other?: string };
const isChoices = (a: Answer | undefined): a is Choices => typeof a === 'object' && a !== null;

/** Whether an answer says nothing: absent, blank text, or nothing picked. */
export function isEmpty(a: Answer | undefined): boolean {
  if (a === undefined) return true;
  if (typeof a === 'string') return !a.trim();
  if (isChoices(a)) return !a.selected.length && a.other === undefined;
  return false;
}

/** Whether a skip-logic rule matches an answer (undefined = skipped). */
export function matches(rule: LogicRule, a: Answer | undefined): boolean {
  const v = rule.value;
  if (rule.op === 'answered') return !isEmpty(a);
  if (rule.op === 'skipped') return isEmpty(a);
  if (isEmpty(a)) return false;
  if (isChoices(a)) {
    const one = a.selected.length === 1 && a.selected[0] === v;
    return rule.op === 'includes' ? a.selected.includes(String(v)) : rule.op === 'eq' ? one : rule.op === 'neq' ? !one : false;
  }
  switch (rule.op) {
    case 'eq':
      return a === v;
    case 'neq':
      return a !== v;
    case 'includes':
      return typeof a === 'string' && a.toLowerCase().includes(String(v).toLowerCase());
  }
  if (typeof a !== 'number' || typeof v !== 'number') return false;
  return rule.op === 'lt' ? a < v : rule.op === 'lte' ? a <= v : rule.op === 'gt' ? a > v : a >= v;
}

/**
 * The question after `q` given its answer: the first matching rule's `goto` (a later question or
 * `end`; a rule pointing backwards or nowhere is ignored so a survey can never loop), else the next one.
 */
export function nextQuestion(survey: Survey, q: Question, a: Answer | undefined): string {
  const qs = survey.questions;
  const at = qs.indexOf(q);
  for (const rule of q.logic ?? []) {
    if (!matches(rule, a)) continue;
    if (rule.goto === 'end') return 'end';
    if (qs.findIndex((x) => x.id === rule.goto) > at) return rule.goto;
  }
  return qs[at + 1]?.id ?? 'end';
}

/** Why an answer cannot be accepted, as a string key and count for `t()`; undefined when it can. */
export function problem(q: Question, a: Answer | undefined): [key: string, n?: number] | undefined {
  if (isEmpty(a)) return q.required ? ['required'] : undefined;
  if (isChoices(a)) {
    if (a.other !== undefined && !a.other.trim()) return ['specify'];
    if (q.type === 'multiple') {
      const count = a.selected.length + (a.other === undefined ? 0 : 1);
      if (q.min !== undefined && count < q.min) return ['min', q.min];
      if (q.max !== undefined && count > q.max) return ['max', q.max];
    }
  }
  return undefined;
}
