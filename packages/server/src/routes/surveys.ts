import { Hono } from 'hono';
import { ResponseUpsert } from '@kith/client/protocol';
import { checkAnswers } from '../domain/answers.ts';
import type { Deps, KithEnv } from '../http/context.ts';
import { actorOf } from '../http/memberAuth.ts';
import { ProblemError, describeIssues } from '../http/problem.ts';
import { readBody } from '../http/validation.ts';

/** `GET /v1/surveys/{id}`, `POST /v1/surveys/{id}/responses`. */
export function surveyRoutes(deps: Deps) {
  const r = new Hono<KithEnv>();

  r.get('/:id', async (c) => {
    const survey = await deps.store.getSurvey(c.var.site.key, c.req.param('id'));
    if (!survey) throw new ProblemError('not-found', { detail: `No survey "${c.req.param('id')}"` });
    c.header('cache-control', 'no-cache');
    return c.json(survey.definition);
  });

  // An upsert: the answer is always 200 with what the server holds, so a repeat gets the same answer.
  r.post('/:id/responses', async (c) => {
    const site = c.var.site.key;
    const surveyId = c.req.param('id');
    const body = await readBody(c, ResponseUpsert);
    const survey = await deps.store.getSurvey(site, surveyId);
    if (!survey) throw new ProblemError('not-found', { detail: `No survey "${surveyId}"` });
    const version = body.surveyVersion === survey.version ? survey.definition : await deps.store.getSurveyVersion(site, surveyId, body.surveyVersion);
    if (!version) {
      throw new ProblemError('validation', {
        detail: `surveyVersion: survey "${surveyId}" has no version ${body.surveyVersion} (current: ${survey.version})`,
        errors: [{ path: 'surveyVersion', message: `no such version (current: ${survey.version})` }],
      });
    }
    const { answers, issues } = checkAnswers(version, body.answers);
    if (issues.length) throw new ProblemError('validation', { detail: describeIssues(issues), errors: issues });
    const actor = await actorOf(c, deps);
    const now = deps.now();
    const result = await deps.store.upsertResponse(site, surveyId, { ...body, answers, ...actor }, now);
    if (result.conflict) {
      throw new ProblemError('conflict', { detail: `responseId "${body.responseId}" belongs to another survey`, errors: [{ path: 'responseId', message: 'already used for another survey' }] });
    }
    if (result.completedNow && actor.memberId) await deps.awards.record(site, actor.memberId, 'survey.completed', `response:${body.responseId}`, now);
    return c.json(result.ack, 200);
  });

  return r;
}
