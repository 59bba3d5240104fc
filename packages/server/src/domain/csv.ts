import type { Answer, Survey } from '@kith/client/protocol';

/** One CSV field per RFC 4180; text that a spreadsheet would run as a formula is prefixed with `'`. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function answerCell(answer: Answer | undefined): string | number | boolean | undefined {
  if (answer === undefined || typeof answer !== 'object') return answer;
  return [...answer.selected, ...(answer.other ? [`other: ${answer.other}`] : [])].join('; ');
}

/**
 * Responses as CSV: fixed columns, then one column per question id of the survey's current version
 * (choice answers as `;`-separated choice ids, "other" text as `other: ...`).
 */
export function responsesCsv(
  survey: Survey,
  responses: readonly {
    responseId: string;
    surveyVersion: number;
    finished: boolean;
    locale?: string;
    url?: string;
    memberId?: string;
    createdAt: number;
    updatedAt: number;
    answers: Record<string, Answer>;
  }[],
): string {
  const head = ['responseId', 'surveyVersion', 'finished', 'createdAt', 'updatedAt', 'locale', 'url', 'memberId', ...survey.questions.map((q) => q.id)];
  const rows = responses.map((r) => [
    r.responseId,
    r.surveyVersion,
    r.finished,
    new Date(r.createdAt).toISOString(),
    new Date(r.updatedAt).toISOString(),
    r.locale,
    r.url,
    r.memberId,
    ...survey.questions.map((q) => answerCell(r.answers[q.id])),
  ]);
  return [head, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
