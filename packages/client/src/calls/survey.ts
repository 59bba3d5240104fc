// `@kith/client/survey`: the survey calls, each validating with its own checks, so a page loads only the schemas of the areas it uses.
import type { KithClient, Delivery } from '../client.ts';
import { ResponseAck, Survey } from '../protocol/checks/survey.ts';
import type { ResponseAck as ResponseAckT, ResponseUpsert } from '../protocol/survey.ts';

/** `GET /v1/surveys/{id}`. */
export const getSurvey = (client: KithClient, id: string, signal?: AbortSignal) => client.read(Survey, 'survey', (b, c) => b.getSurvey(id, c), signal);

/** Upsert a survey response through the outbox; a later call with the same `responseId` replaces a queued one. */
export const saveResponse = (client: KithClient, surveyId: string, body: ResponseUpsert): Promise<Delivery<ResponseAckT>> =>
  client.write('response', body, { target: surveyId, key: `response-${body.responseId}`, ack: ResponseAck });
