import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { Badge, HttpUrl, Id, MemberRef, Survey, Tier, Timestamp } from '@kith/client/protocol';
import { BadgeRule } from '../domain/badgeRules.ts';
import { signMemberToken } from '../domain/memberToken.ts';
import { DEFAULT_REPORT_THRESHOLD } from '../domain/moderation.ts';
import { responsesCsv } from '../domain/csv.ts';
import { checkSurvey } from '../domain/surveyCheck.ts';
import { summarizeSurvey } from '../domain/surveyResults.ts';
import { readBodyText } from '../http/body.ts';
import type { Deps } from '../http/context.ts';
import { validOriginPattern } from '../http/origins.ts';
import { ProblemError, describeIssues, problemResponse } from '../http/problem.ts';
import { fieldIssues, parseJson, parseWith, readBody, readJson } from '../http/validation.ts';
import { FEEDBACK_STATUSES, type SiteRecord, type TopicRecord } from '../store/store.ts';

const SiteKey = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,39}$/));
const Origins = z.array(z.string().check(z.maxLength(300), z.refine(validOriginPattern, 'must be an origin pattern such as https://shop.example, https://*.example.com, http://localhost:* or *'))).check(z.maxLength(100));
const SiteCreate = z.object({
  key: z.optional(SiteKey),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  allowedOrigins: z._default(Origins, []),
  reportThreshold: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
  memberSecret: z.optional(z.string().check(z.minLength(16), z.maxLength(512))),
});
const SitePatch = z.partial(z.pick(SiteCreate, { name: true, allowedOrigins: true, reportThreshold: true }));
const SecretRotate = z.object({ memberSecret: z.optional(z.string().check(z.minLength(16), z.maxLength(512))) });
const TokenRequest = z.object({
  sub: Id,
  name: z.string().check(z.maxLength(200)),
  avatarUrl: z.optional(HttpUrl),
  ttlSeconds: z._default(z.int().check(z.minimum(60), z.maximum(366 * 86_400)), 3600),
});
/** A survey as admins send it: `version` is assigned by the server. */
const SurveyInput = z.extend(Survey, { version: z.optional(z.int()) });
const FeedbackPatch = z.object({ status: z.enum(FEEDBACK_STATUSES) });
const ListQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 50),
  cursor: z.optional(z.string()),
});
const TopicFields = {
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  excerpt: z.optional(z.string().check(z.maxLength(2000))),
  url: z.optional(z.nullable(HttpUrl)),
  author: MemberRef,
  tags: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.maxLength(20)), []),
  votes: z._default(z.int().check(z.minimum(0)), 0),
  replies: z._default(z.int().check(z.minimum(0)), 0),
  lastActivityAt: z.optional(Timestamp),
  pinned: z._default(z.boolean(), false),
  promoted: z._default(z.boolean(), false),
};
const TopicCreate = z.object({ id: z.optional(Id), createdAt: z.optional(Timestamp), ...TopicFields });
const TopicPatchBody = z.object({
  title: z.optional(TopicFields.title),
  excerpt: TopicFields.excerpt,
  url: TopicFields.url,
  author: z.optional(MemberRef),
  tags: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.maxLength(20))),
  votes: z.optional(z.int().check(z.minimum(0))),
  replies: z.optional(z.int().check(z.minimum(0))),
  lastActivityAt: TopicFields.lastActivityAt,
  pinned: z.optional(z.boolean()),
  promoted: z.optional(z.boolean()),
  hidden: z.optional(z.boolean()),
});
const BadgeInput = z.extend(z.omit(Badge, { holders: true }), {
  rule: z._default(z.nullable(BadgeRule), null),
  position: z._default(z.int(), 0),
});
const AwardInput = z.object({ badgeId: Id, note: z.optional(z.string().check(z.maxLength(500))) });

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();
const newSecret = (): string => randomBytes(32).toString('base64url');
const iso = (ms: number): string => new Date(ms).toISOString();

/** A site as admins see it: the member secret only where it is set or rotated. */
const publicSite = ({ memberSecret: _secret, ...site }: SiteRecord) => ({ ...site, createdAt: iso(site.createdAt), updatedAt: iso(site.updatedAt) });
const adminTopic = (t: TopicRecord) => ({
  ...t,
  createdAt: iso(t.createdAt),
  lastActivityAt: iso(t.lastActivityAt ?? t.createdAt),
  updatedAt: iso(t.updatedAt),
  reportsSince: t.reportsSince ? iso(t.reportsSince) : null,
});

/** `Authorization: Bearer <KITH_ADMIN_TOKEN>`, compared in constant time; no token configured, no admin API. */
function adminAuth(adminToken: string | undefined): MiddlewareHandler {
  const expected = adminToken ? sha256(adminToken) : null;
  return async (c, next) => {
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!expected) return problemResponse('unauthorized', { detail: 'The admin API is off: start the server with KITH_ADMIN_TOKEN set' });
    if (!given || !timingSafeEqual(sha256(given), expected)) {
      return problemResponse('unauthorized', { detail: 'Send Authorization: Bearer <KITH_ADMIN_TOKEN>', headers: { 'www-authenticate': 'Bearer realm="kith-admin"' } });
    }
    await next();
  };
}

/**
 * The admin API under `/admin`, all behind the admin token. Every route below is relative to
 * `/admin/sites/:site` except site creation and listing.
 */
export function adminRoutes(deps: Deps, adminToken: string | undefined) {
  const { store } = deps;
  const r = new Hono();
  r.use('*', adminAuth(adminToken));

  const siteOf = async (c: Context): Promise<SiteRecord> => {
    const site = await store.getSite(c.req.param('site') ?? '');
    if (!site) throw new ProblemError('unknown-site', { detail: `No site "${c.req.param('site')}"` });
    return site;
  };
  const saveSite = async (site: SiteRecord) => {
    await store.putSite(site);
    deps.sites.clear();
  };

  // ---- sites
  r.get('/sites', async (c) => c.json({ items: (await store.listSites()).map(publicSite) }));
  r.post('/sites', async (c) => {
    const body = await readBody(c, SiteCreate);
    const key = body.key ?? randomBytes(6).toString('hex');
    if (await store.getSite(key)) throw new ProblemError('conflict', { detail: `Site "${key}" exists`, errors: [{ path: 'key', message: 'taken' }] });
    const now = deps.now();
    const site: SiteRecord = {
      key,
      name: body.name,
      allowedOrigins: body.allowedOrigins,
      memberSecret: body.memberSecret ?? newSecret(),
      reportThreshold: body.reportThreshold ?? DEFAULT_REPORT_THRESHOLD,
      createdAt: now,
      updatedAt: now,
    };
    await saveSite(site);
    return c.json({ ...publicSite(site), memberSecret: site.memberSecret }, 201);
  });
  r.get('/sites/:site', async (c) => c.json(publicSite(await siteOf(c))));
  r.patch('/sites/:site', async (c) => {
    const site = await siteOf(c);
    const patch = await readBody(c, SitePatch);
    const next: SiteRecord = { ...site, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: deps.now() };
    await saveSite(next);
    return c.json(publicSite(next));
  });
  r.post('/sites/:site/member-secret', async (c) => {
    const site = await siteOf(c);
    const text = (await readBodyText(c)).trim();
    const { memberSecret } = text ? parseWith(SecretRotate, parseJson(text)) : { memberSecret: undefined };
    const next = { ...site, memberSecret: memberSecret ?? newSecret(), updatedAt: deps.now() };
    await saveSite(next);
    return c.json({ memberSecret: next.memberSecret });
  });
  // For testing a site without the brand's backend: a token signed with the site's secret.
  r.post('/sites/:site/member-tokens', async (c) => {
    const site = await siteOf(c);
    const { sub, name, avatarUrl, ttlSeconds } = await readBody(c, TokenRequest);
    const exp = Math.floor(deps.now() / 1000) + ttlSeconds;
    return c.json({ token: signMemberToken({ sub, name, exp, ...(avatarUrl ? { avatarUrl } : {}) }, site.memberSecret), expiresAt: iso(exp * 1000) }, 201);
  });

  // ---- surveys
  const surveyBody = async (c: Context, id?: string) => {
    const raw = await readJson(c);
    const data = id && raw && typeof raw === 'object' && !('id' in raw) ? { ...raw, id } : raw;
    const survey = parseWith(SurveyInput, data);
    if (id && survey.id !== id) throw new ProblemError('validation', { detail: 'id: must match the URL', errors: [{ path: 'id', message: 'must match the URL' }] });
    const issues = checkSurvey({ ...survey, version: 1 });
    if (issues.length) throw new ProblemError('validation', { detail: describeIssues(issues), errors: issues });
    return { ...survey, version: 1 };
  };
  r.get('/sites/:site/surveys', async (c) => {
    const site = await siteOf(c);
    return c.json({ items: (await store.listSurveys(site.key)).map((s) => ({ id: s.id, version: s.version, title: s.definition.title, questions: s.definition.questions.length, responses: s.responses, updatedAt: iso(s.updatedAt) })) });
  });
  r.post('/sites/:site/surveys/validate', async (c) => {
    await siteOf(c);
    const result = z.safeParse(SurveyInput, await readJson(c));
    const errors = result.success ? checkSurvey({ ...result.data, version: 1 }) : fieldIssues(result.error);
    return c.json({ valid: errors.length === 0, errors });
  });
  r.post('/sites/:site/surveys', async (c) => {
    const site = await siteOf(c);
    const survey = await surveyBody(c);
    if (await store.getSurvey(site.key, survey.id)) throw new ProblemError('conflict', { detail: `Survey "${survey.id}" exists; PUT /admin/sites/${site.key}/surveys/${survey.id} updates it`, errors: [{ path: 'id', message: 'taken' }] });
    const version = await store.saveSurvey(site.key, survey, deps.now());
    return c.json({ ...survey, version }, 201);
  });
  r.put('/sites/:site/surveys/:id', async (c) => {
    const site = await siteOf(c);
    const survey = await surveyBody(c, c.req.param('id'));
    const existed = Boolean(await store.getSurvey(site.key, survey.id));
    const version = await store.saveSurvey(site.key, survey, deps.now());
    return c.json({ ...survey, version }, existed ? 200 : 201);
  });
  const surveyOf = async (c: Context) => {
    const site = await siteOf(c);
    const survey = await store.getSurvey(site.key, c.req.param('id') ?? '');
    if (!survey) throw new ProblemError('not-found', { detail: `No survey "${c.req.param('id')}"` });
    return { site, survey };
  };
  r.get('/sites/:site/surveys/:id', async (c) => {
    const { site, survey } = await surveyOf(c);
    const responses = (await store.listSurveys(site.key)).find((s) => s.id === survey.id)?.responses ?? 0;
    return c.json({ ...survey.definition, responses, updatedAt: iso(survey.updatedAt) });
  });
  r.get('/sites/:site/surveys/:id/responses', async (c) => {
    const { site, survey } = await surveyOf(c);
    const q = parseWith(ListQuery, c.req.query());
    const finished = c.req.query('finished');
    const page = await store.listResponses(site.key, survey.id, { ...q, finished: finished === undefined ? undefined : finished === 'true' });
    return c.json({ items: page.items.map((x) => ({ ...x, createdAt: iso(x.createdAt), updatedAt: iso(x.updatedAt), completedAt: x.completedAt ? iso(x.completedAt) : null })), nextCursor: page.nextCursor });
  });
  r.get('/sites/:site/surveys/:id/responses.csv', async (c) => {
    const { site, survey } = await surveyOf(c);
    const csv = responsesCsv(survey.definition, await store.allResponses(site.key, survey.id));
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${survey.id}-responses.csv"` });
  });
  r.get('/sites/:site/surveys/:id/summary', async (c) => {
    const { site, survey } = await surveyOf(c);
    const [responses, views] = await Promise.all([store.allResponses(site.key, survey.id), store.countEvents(site.key, 'survey', survey.id, 'view')]);
    return c.json(summarizeSurvey(survey.definition, responses, views));
  });

  // ---- feedback inbox (spam never shows here; `?spam=true` lists what anti-spam kept out)
  r.get('/sites/:site/feedback', async (c) => {
    const site = await siteOf(c);
    const q = parseWith(ListQuery, c.req.query());
    const status = c.req.query('status');
    const parsedStatus = status === undefined ? undefined : parseWith(FeedbackPatch, { status }).status;
    const page = await store.listFeedback(site.key, { ...q, status: parsedStatus, spam: c.req.query('spam') === 'true' });
    return c.json({ items: page.items.map((f) => ({ ...f, createdAt: iso(f.createdAt), updatedAt: iso(f.updatedAt) })), nextCursor: page.nextCursor });
  });
  r.patch('/sites/:site/feedback/:id', async (c) => {
    const site = await siteOf(c);
    const { status } = await readBody(c, FeedbackPatch);
    const item = await store.setFeedbackStatus(site.key, c.req.param('id'), status, deps.now());
    if (!item) throw new ProblemError('not-found', { detail: `No feedback "${c.req.param('id')}"` });
    return c.json({ ...item, createdAt: iso(item.createdAt), updatedAt: iso(item.updatedAt) });
  });

  // ---- topics and moderation
  r.post('/sites/:site/topics', async (c) => {
    const site = await siteOf(c);
    const body = await readBody(c, TopicCreate);
    const now = deps.now();
    const topic = await store.createTopic(
      site.key,
      {
        ...body,
        id: body.id ?? randomBytes(8).toString('base64url'),
        createdAt: body.createdAt ? Date.parse(body.createdAt) : now,
        lastActivityAt: body.lastActivityAt ? Date.parse(body.lastActivityAt) : undefined,
      },
      now,
    );
    if (!topic) throw new ProblemError('conflict', { detail: `Topic "${body.id}" exists`, errors: [{ path: 'id', message: 'taken' }] });
    deps.feed.notify(site.key);
    return c.json(adminTopic(topic), 201);
  });
  r.get('/sites/:site/topics/:id', async (c) => {
    const site = await siteOf(c);
    const topic = await store.getTopicRecord(site.key, c.req.param('id'));
    if (!topic) throw new ProblemError('not-found', { detail: `No topic "${c.req.param('id')}"` });
    return c.json(adminTopic(topic));
  });
  // Pin, promote, hide (`hidden: true`), restore (`hidden: false`), edit, update counts.
  r.patch('/sites/:site/topics/:id', async (c) => {
    const site = await siteOf(c);
    const { lastActivityAt, ...patch } = await readBody(c, TopicPatchBody);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const topic = await store.updateTopic(site.key, c.req.param('id'), { ...defined, ...(lastActivityAt ? { lastActivityAt: Date.parse(lastActivityAt) } : {}) }, deps.now());
    if (!topic) throw new ProblemError('not-found', { detail: `No topic "${c.req.param('id')}"` });
    deps.feed.notify(site.key);
    return c.json(adminTopic(topic));
  });
  r.get('/sites/:site/moderation', async (c) => {
    const site = await siteOf(c);
    const queue = await store.moderationQueue(site.key);
    return c.json({ threshold: site.reportThreshold, items: queue.map((m) => ({ ...m, topic: adminTopic(m.topic) })) });
  });

  // ---- badges
  r.get('/sites/:site/badges', async (c) => {
    const site = await siteOf(c);
    const [badges, catalog] = await Promise.all([store.badgeDefinitions(site.key), store.badgeCatalog(site.key)]);
    return c.json({ items: badges, tiers: catalog.tiers });
  });
  r.put('/sites/:site/badges/:id', async (c) => {
    const site = await siteOf(c);
    const raw = await readJson(c);
    const badge = parseWith(BadgeInput, raw && typeof raw === 'object' ? { ...raw, id: c.req.param('id') } : raw);
    await store.putBadge(site.key, { ...badge, holders: 0 }, deps.now());
    return c.json(badge);
  });
  r.put('/sites/:site/tiers/:id', async (c) => {
    const site = await siteOf(c);
    const raw = await readJson(c);
    const tier = parseWith(Tier, raw && typeof raw === 'object' ? { ...raw, id: c.req.param('id') } : raw);
    await store.putTier(site.key, tier);
    return c.json(tier);
  });
  // Manual award: 201 the first time, 200 with the same body when the member already holds it.
  r.post('/sites/:site/members/:member/badges', async (c) => {
    const site = await siteOf(c);
    const memberId = c.req.param('member');
    const { badgeId, note } = await readBody(c, AwardInput);
    if (!(await store.getMember(site.key, memberId))) throw new ProblemError('not-found', { detail: `No member "${memberId}" (members appear with their first token or topic)` });
    if (!(await store.badgeDefinitions(site.key)).some((b) => b.id === badgeId)) {
      throw new ProblemError('validation', { detail: `badgeId: no badge "${badgeId}"`, errors: [{ path: 'badgeId', message: 'no such badge' }] });
    }
    const awarded = await store.awardBadge(site.key, memberId, badgeId, { source: 'manual', at: deps.now(), note });
    const badges = await store.memberBadges(site.key, memberId);
    const item = badges?.items.find((i) => i.badge.id === badgeId);
    return c.json({ memberId, badgeId, earnedAt: item?.earnedAt }, awarded ? 201 : 200);
  });

  return r;
}
