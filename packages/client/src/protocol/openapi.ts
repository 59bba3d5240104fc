// Builds the protocol's OpenAPI 3.1 document from the zod schemas: the docs cannot drift from the code.
import * as z from 'zod/mini';
import * as p from './index.ts';

type Schema = z.ZodMiniType;

const json = (schema: Schema, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

/**
 * Named components, each as the receiving side accepts it (zod's input): a request as a server takes
 * it, a response as the client takes it, so a backend's author reads what it may send: fields with a
 * default may be left out, and unknown fields are allowed (the client ignores them).
 */
const requests: Record<string, Schema> = {
  ResponseUpsert: p.ResponseUpsert,
  FeedbackSubmit: p.FeedbackSubmit,
  VoteSubmit: p.VoteSubmit,
  ReportSubmit: p.ReportSubmit,
  EventBatch: p.EventBatch,
};
const responses: Record<string, Schema> = {
  Survey: p.Survey,
  ResponseAck: p.ResponseAck,
  FeedbackAck: p.FeedbackAck,
  TopicPage: p.TopicPage,
  TopicStreamEvent: p.TopicStreamEvent,
  VoteAck: p.VoteAck,
  ReportAck: p.ReportAck,
  BadgeCatalog: p.BadgeCatalog,
  MemberBadges: p.MemberBadges,
  Leaderboard: p.Leaderboard,
  EventAck: p.EventAck,
  Problem: p.Problem,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = { description: 'RFC 9457 problem details', content: { 'application/problem+json': { schema: ref('Problem') } } };
const errors = {
  '400': problem,
  '404': problem,
  '413': problem,
  '429': { ...problem, headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  '503': { ...problem, headers: { 'Retry-After': { schema: { type: 'integer' } } } },
};
const ok = (name: string, description = 'OK') => ({ description, content: { 'application/json': { schema: ref(name) } } });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const param = (name: string, where: 'path' | 'query', schema: object, description?: string) => ({
  name,
  in: where,
  required: where === 'path',
  schema,
  ...(description ? { description } : {}),
});
const id = (description: string) => param('id', 'path', { type: 'string' }, description);
const topicQuery = [
  param('sort', 'query', { enum: ['hot', 'new', 'top'], default: 'hot' }),
  param('tag', 'query', { type: 'string' }, 'One tag or a comma list (any of them)'),
  param('period', 'query', { enum: ['day', 'week', 'month', 'all'], default: 'all' }, 'For sort=top'),
  param('limit', 'query', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
  param('cursor', 'query', { type: 'string' }, 'nextCursor of the previous page'),
];
const write = (summary: string, req: string, res: string, params: object[] = []) => ({
  post: { summary, parameters: params, requestBody: body(req), responses: { '200': ok(res, 'Stored (or the first result again, for a repeated id)'), ...errors } },
});
const read = (summary: string, res: string, params: object[] = []) => ({
  get: { summary, parameters: params, responses: { '200': ok(res), ...errors } },
});

export function openApiDocument(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(requests)) schemas[name] = json(s, 'input');
  for (const [name, s] of Object.entries(responses)) schemas[name] = json(s, 'input');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kith protocol',
      version: '1.0.0',
      description:
        'The wire protocol between Kith widgets and any backend. Generated from the zod schemas in @kith/client; do not edit by hand (run `pnpm protocol`).',
    },
    components: {
      schemas,
      securitySchemes: {
        site: { type: 'apiKey', in: 'header', name: 'Kith-Site', description: 'Public site key' },
        member: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Member token issued by the brand backend (HS256)' },
      },
    },
    security: [{ site: [] }],
    paths: {
      '/v1/surveys/{id}': read('Survey definition', 'Survey', [id('Survey id')]),
      '/v1/surveys/{id}/responses': write('Upsert a partial or finished response by responseId (highest seq wins)', 'ResponseUpsert', 'ResponseAck', [id('Survey id')]),
      '/v1/feedback': write('One feedback item', 'FeedbackSubmit', 'FeedbackAck'),
      '/v1/topics': read('A page of topics, pinned first', 'TopicPage', topicQuery),
      '/v1/topics/stream': {
        get: {
          summary: 'Server-sent events, numbered with `id:`, in either form: a TopicStreamEvent as the data of the default event (`{ type: "upsert", topic }` or `{ type: "remove", id }`, what the reference server sends), or `event: upsert` with a Topic / `event: remove` with `{ id }`. Heartbeat comments; Last-Event-ID (or `lastEventId`) resumes. `site` and `visitor` may be given as query parameters (EventSource sends no headers). 404 or 501: no live stream (clients poll).',
          parameters: [...topicQuery.slice(0, 3), param('site', 'query', { type: 'string' }), param('visitor', 'query', { type: 'string' }), param('lastEventId', 'query', { type: 'string' })],
          responses: { '200': { description: 'An event stream', content: { 'text/event-stream': { schema: ref('TopicStreamEvent') } } }, ...errors },
        },
      },
      '/v1/topics/{id}/votes': write('Vote (1) or take it back (0); idempotent per visitor', 'VoteSubmit', 'VoteAck', [id('Topic id')]),
      '/v1/topics/{id}/reports': write('Flag a topic', 'ReportSubmit', 'ReportAck', [id('Topic id')]),
      '/v1/badges': read('The badge catalog with holder counts', 'BadgeCatalog'),
      '/v1/members/{id}/badges': read('A member’s earned and locked badges with progress; `me` needs a member token', 'MemberBadges', [id('Member id or `me`')]),
      '/v1/leaderboard': read('Top members by points', 'Leaderboard', [
        param('period', 'query', { enum: ['day', 'week', 'month', 'all'], default: 'week' }),
        param('limit', 'query', { type: 'integer', minimum: 1, maximum: 100, default: 10 }),
      ]),
      '/v1/events': write('A batch of engagement events, each idempotent by id', 'EventBatch', 'EventAck'),
    },
  };
}
