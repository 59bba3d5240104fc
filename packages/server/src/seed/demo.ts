import type { Answer, Tier } from '@kith/client/protocol';
import { Awards } from '../awards.ts';
import { type ActivityMetric, eventMetric } from '../domain/badgeRules.ts';
import { signMemberToken } from '../domain/memberToken.ts';
import type { BadgeDefinition, Store, TopicInput } from '../store/store.ts';
import { demoNps, demoProduct } from './demoSurveys.ts';

/** The demo seed's fixed facts, named by docs and tests. */
export const DEMO = {
  site: 'demo',
  siteName: 'Lumen (Kith demo)',
  /** Any port on localhost, 127.0.0.1 and [::1]. */
  allowedOrigins: ['http://localhost:*', 'https://localhost:*', 'http://127.0.0.1:*', 'https://127.0.0.1:*', 'http://[::1]:*'],
  /** Signs demo member tokens. Public on purpose: it protects nothing but demo data. */
  memberSecret: 'kith-demo-member-secret-not-for-production',
  member: { id: 'demo-member', name: 'Alex Rivera' },
  surveys: ['demo-nps', 'demo-product'],
  tags: ['announcements', 'feature-requests', 'help', 'showcase', 'tips'],
  pinned: ['welcome', 'roadmap-spring'],
  reportThreshold: 3,
} as const;

/** A demo member token for `demo-member`, valid for `ttlSeconds` from `now` (ms). */
export const demoMemberToken = (now = Date.now(), ttlSeconds = 30 * 86_400): string =>
  signMemberToken({ sub: DEMO.member.id, name: DEMO.member.name, exp: Math.floor(now / 1000) + ttlSeconds }, DEMO.memberSecret);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const AUTHORS = {
  'lumen-team': 'Lumen Team',
  'demo-member': DEMO.member.name,
  'maya-k': 'Maya Kowalski',
  'jun-li': 'Jun Li',
  'priya-n': 'Priya Nair',
  'tomas-g': 'Tomás García',
  'sam-o': 'Sam Okafor',
  'lena-w': 'Lena Weber',
  'diego-r': 'Diego Ramos',
} as const;
type Author = keyof typeof AUTHORS;

// [id, title, excerpt, tags, author, votes, replies, age in hours]
const TOPICS: [string, string, string, string[], Author, number, number, number][] = [
  ['welcome', 'Welcome to the Lumen community: start here', 'Who we are, how the forum works, and where to ask for help. Please read before your first post.', ['announcements'], 'lumen-team', 142, 38, 40 * 24],
  ['roadmap-spring', "Roadmap: what we're building this spring", 'Faster masking, a new export queue, LUT import and better lens profiles. Tell us what matters most to you.', ['announcements'], 'lumen-team', 96, 61, 9 * 24],
  ['release-4-3', 'Lumen 4.3 is out: faster masks and a new export queue', 'Masks render up to 3x faster on Apple silicon, exports now run in the background, and 40 bugs are fixed.', ['announcements'], 'lumen-team', 88, 34, 2 * 24],
  ['community-meetup', 'Community photo walk: Berlin, next month', "We're meeting at Museumsinsel on a Saturday morning. All levels and all cameras welcome.", ['announcements'], 'lumen-team', 22, 16, 5],
  ['batch-export-presets', 'Batch export with per-folder presets', 'When I export a whole shoot, I want each folder to use its own preset and file naming.', ['feature-requests'], 'demo-member', 24, 11, 3 * 24],
  ['dark-room-mode', 'A true dark-room mode for night editing', 'Even the dark theme is too bright at 2 am. A red-on-black mode would save my night vision.', ['feature-requests'], 'maya-k', 58, 19, 12 * 24],
  ['raw-import-slow', 'RAW import from Fujifilm X-T5 is slow since 4.2', 'Importing 300 RAF files takes 6 minutes now; it was under 2 before the update. Anyone else?', ['help'], 'jun-li', 17, 9, 20],
  ['sky-replacement-tips', 'Five tricks for natural-looking sky replacement', 'Match the light direction, feather the horizon, and never forget the reflections in water.', ['tips'], 'priya-n', 73, 14, 6 * 24],
  ['showcase-iceland', 'Showcase: Iceland in winter, edited entirely on an iPad', 'Twelve frames from the south coast, all processed on the road with Lumen for iPad.', ['showcase'], 'tomas-g', 121, 27, 4 * 24],
  ['sync-conflict', "Cloud sync shows 'conflict' on every second edit", 'Editing on my laptop and then the desktop gives me a conflict dialog almost every time.', ['help'], 'sam-o', 9, 6, 7],
  ['masking-brush-size', 'Keyboard shortcut to change the masking brush size?', 'Is there a way to resize the brush without reaching for the slider?', ['help', 'tips'], 'lena-w', 6, 4, 2 * 24],
  ['film-grain', 'Film grain that looks like real film, not noise', 'Grain should depend on the tones and the film stock, like Portra or Tri-X, not a flat overlay.', ['feature-requests'], 'diego-r', 44, 12, 16 * 24],
  ['lut-support', 'Import .cube LUTs as presets', 'I have a library of LUTs from video work and would love to use them in Lumen.', ['feature-requests'], 'maya-k', 87, 23, 24 * 24],
  ['showcase-street', 'Showcase: a year of street photography in Lisbon', 'Fifty-two weeks, one camera, one lens. My favourite frames and the presets behind them.', ['showcase'], 'demo-member', 35, 8, 18 * 24],
  ['denoise-compare', 'AI denoise vs. the old denoise: side by side', 'ISO 12800 files from three cameras, compared at 100% crops. The difference in the shadows is huge.', ['tips', 'showcase'], 'jun-li', 52, 17, 10 * 24],
  ['export-color-shift', 'Exported JPEGs look duller than in the editor', 'Colours look great while editing and washed out after export. Is this a colour profile thing?', ['help'], 'sam-o', 29, 21, 13 * 24],
  ['presets-sharing', 'Share presets with a link', 'A link that opens the preset in Lumen would make sharing in this forum much easier.', ['feature-requests'], 'priya-n', 38, 9, 8 * 24],
  ['tethered-shooting', 'Tethered shooting for studio work', 'Shoot straight into a Lumen album with live preview while the client watches.', ['feature-requests'], 'tomas-g', 19, 5, 27 * 24],
  ['history-panel', 'How do I get the history panel back?', 'I closed it by accident and cannot find it in any menu.', ['help'], 'diego-r', 3, 2, 30],
  ['portrait-retouch', 'Subtle portrait retouching: my workflow', 'Frequency separation is overkill for most portraits. Here is the lighter approach I use.', ['tips'], 'lena-w', 66, 15, 21 * 24],
  ['showcase-macro', 'Showcase: macro shots of frost', 'Ice crystals on my car window at 5x magnification, focus-stacked from 40 frames.', ['showcase'], 'maya-k', 47, 6, 36],
  ['keyboard-cheatsheet', 'A printable keyboard shortcut cheat sheet', 'Every shortcut in Lumen 4 on one page, grouped by panel. PDF and PNG attached.', ['tips'], 'demo-member', 41, 7, 35 * 24],
  ['watermark-batch', 'Add a watermark during batch export', 'A text or logo watermark with position and opacity, applied at export time only.', ['feature-requests'], 'sam-o', 33, 10, 5 * 24],
  ['crash-on-start', 'App crashes on start after updating to 4.3 (Windows 11)', 'The splash screen shows, then it closes. Reinstalling did not help. Logs attached.', ['help'], 'priya-n', 12, 14, 10],
  ['hdr-merge', 'HDR merge with automatic alignment', 'Handheld brackets are never perfectly aligned; merging should fix that for me.', ['feature-requests'], 'jun-li', 27, 6, 32 * 24],
  ['color-grading-wheels', 'Getting the most out of the colour grading wheels', 'Split toning is back, just hidden in the wheels. A walkthrough with before and after images.', ['tips'], 'tomas-g', 58, 11, 15 * 24],
  ['showcase-wedding', 'Showcase: a rainy wedding, rescued in post', 'Grey skies, harsh indoor light, and a very happy couple. How I matched 800 photos.', ['showcase'], 'lena-w', 39, 9, 26 * 24],
  ['lens-profiles', 'Missing lens profile: Sigma 18-50 f/2.8 DC DN', 'Distortion and vignetting corrections are not applied automatically for this lens.', ['help'], 'diego-r', 15, 8, 17 * 24],
  ['smart-collections', 'Smart collections by camera, lens or rating', 'Collections that fill themselves from metadata rules, like "5 stars, 85mm, this year".', ['feature-requests'], 'maya-k', 21, 4, 40 * 24],
  ['auto-straighten', 'The auto-straighten tool keeps tilting horizons', 'On seascapes it locks onto waves instead of the horizon line.', ['help'], 'tomas-g', 8, 5, 3 * 24],
  ['showcase-astro', 'Showcase: the Milky Way over the Dolomites', 'A 20-frame stack from Passo Giau, with the new denoise doing most of the work.', ['showcase'], 'jun-li', 95, 22, 11 * 24],
  ['curves-vs-levels', 'Curves or levels? When I reach for each', 'Levels for a quick fix, curves for everything else. Examples inside.', ['tips'], 'sam-o', 31, 13, 38 * 24],
];

// Tier labels in every language the widgets speak (a badge's texts may be localized the same way).
const TIERS: Tier[] = [
  { id: 'bronze', label: { en: 'Bronze', es: 'Bronce', ru: 'Бронза', ro: 'Bronz', id: 'Perunggu', 'zh-CN': '铜牌', ar: 'برونزي' }, color: '#b0703c', rank: 1 },
  { id: 'silver', label: { en: 'Silver', es: 'Plata', ru: 'Серебро', ro: 'Argint', id: 'Perak', 'zh-CN': '银牌', ar: 'فضي' }, color: '#8a96a3', rank: 2 },
  { id: 'gold', label: { en: 'Gold', es: 'Oro', ru: 'Золото', ro: 'Aur', id: 'Emas', 'zh-CN': '金牌', ar: 'ذهبي' }, color: '#d4a017', rank: 3 },
];

type BadgeSeed = [id: string, name: string, emoji: string, tier: string, points: number, description: string, criteria: string, rule: BadgeDefinition['rule']];
const BADGES: BadgeSeed[] = [
  ['welcome', 'Welcome aboard', '👋', 'bronze', 5, 'Joined the Lumen community.', 'Given by the team to new members.', null],
  ['first-words', 'First words', '💬', 'bronze', 10, 'Sent feedback for the first time.', 'Send your first feedback.', { metric: 'feedback.submitted', threshold: 1 }],
  ['voice-heard', 'Voice heard', '📝', 'bronze', 10, 'Completed a survey.', 'Complete one survey.', { metric: 'survey.completed', threshold: 1 }],
  ['upvoter', 'Upvoter', '👍', 'bronze', 5, 'Voted for a topic.', 'Vote for one topic.', { metric: 'vote.cast', threshold: 1 }],
  ['explorer', 'Explorer', '🧭', 'bronze', 5, 'Opened ten hot topics.', 'Open 10 topics from the hot-topics feed.', { metric: eventMetric('hot-topics', 'open'), threshold: 10 }],
  ['rising-topic', 'Rising topic', '📈', 'silver', 30, 'Started a topic that reached 10 votes.', 'Start a topic that reaches 10 votes.', { metric: 'topic.votes', threshold: 10 }],
  ['survey-regular', 'Survey regular', '📊', 'silver', 25, 'Completed five surveys.', 'Complete 5 surveys.', { metric: 'survey.completed', threshold: 5 }],
  ['feedback-pro', 'Feedback pro', '🔍', 'silver', 25, 'Sent feedback five times.', 'Send feedback 5 times.', { metric: 'feedback.submitted', threshold: 5 }],
  ['civic-voter', 'Civic voter', '🗳️', 'silver', 20, 'Voted for 25 topics.', 'Vote for 25 topics.', { metric: 'vote.cast', threshold: 25 }],
  ['beta-pioneer', 'Beta pioneer', '🧪', 'silver', 40, 'Tested a beta release and reported back.', 'Given by the team to beta testers.', null],
  ['hall-of-fame', 'Hall of fame', '🏆', 'gold', 100, 'Started a topic that reached 50 votes.', 'Start a topic that reaches 50 votes.', { metric: 'topic.votes', threshold: 50 }],
  ['survey-sage', 'Survey sage', '🦉', 'gold', 75, 'Completed twenty surveys.', 'Complete 20 surveys.', { metric: 'survey.completed', threshold: 20 }],
  ['community-champion', 'Community champion', '🌟', 'gold', 150, 'Helped shape the community in a lasting way.', 'Given by the team.', null],
];

/** Deterministic pseudo-random numbers, so the seed is the same every time. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

// Per member: [feedback, surveys, votes cast, votes received, topic opens, manual badges]
const ACTIVITY: Record<Exclude<Author, 'lumen-team'>, [number, number, number, number, number, string[]]> = {
  'demo-member': [2, 3, 12, 20, 4, ['welcome']],
  'maya-k': [6, 5, 30, 40, 14, ['welcome', 'beta-pioneer']],
  'jun-li': [3, 8, 18, 34, 9, ['welcome']],
  'priya-n': [1, 2, 9, 26, 11, ['welcome']],
  'tomas-g': [4, 21, 26, 45, 3, ['welcome', 'community-champion']],
  'sam-o': [2, 1, 5, 12, 2, []],
  'lena-w': [5, 4, 14, 22, 12, ['welcome', 'beta-pioneer']],
  'diego-r': [1, 0, 3, 6, 1, []],
};

/**
 * Seeds the demo site unless it exists: site `demo`, surveys `demo-nps` and `demo-product`,
 * 32 topics over 5 tags (2 pinned), 13 badges in 3 tiers, members with activity, points and badges
 * spread over the last six weeks, a few responses and inbox items. Times are relative to `now`.
 */
export async function seedDemo(store: Store, now = Date.now()): Promise<{ seeded: boolean }> {
  if (await store.getSite(DEMO.site)) return { seeded: false };
  const site = DEMO.site;
  await store.putSite({
    key: site,
    name: DEMO.siteName,
    allowedOrigins: [...DEMO.allowedOrigins],
    memberSecret: DEMO.memberSecret,
    reportThreshold: DEMO.reportThreshold,
    createdAt: now - 45 * DAY,
    updatedAt: now,
  });
  await store.saveSurvey(site, demoNps, now - 30 * DAY);
  await store.saveSurvey(site, demoProduct, now - 30 * DAY);

  for (const tier of TIERS) await store.putTier(site, tier);
  for (const [position, [id, name, emoji, tier, points, description, criteria, rule]] of BADGES.entries()) {
    await store.putBadge(site, { id, name, description, criteria, tier, points, icon: { emoji, alt: name }, holders: 0, rule, position }, now);
  }

  for (const [id, title, excerpt, tags, author, votes, replies, ageHours] of TOPICS) {
    const createdAt = now - ageHours * HOUR;
    const topic: TopicInput = {
      id,
      title,
      excerpt,
      url: `https://community.lumen.example/t/${id}`,
      author: { id: author, name: AUTHORS[author], avatarUrl: null },
      tags,
      votes,
      replies,
      createdAt,
      lastActivityAt: Math.min(now, createdAt + Math.min(ageHours, 72) * HOUR * 0.6),
      pinned: (DEMO.pinned as readonly string[]).includes(id),
      promoted: id === 'release-4-3',
    };
    await store.createTopic(site, topic, now);
  }

  await seedActivity(store, now);
  await seedResponses(store, now);
  await seedFeedback(store, now);
  return { seeded: true };
}

async function seedActivity(store: Store, now: number): Promise<void> {
  const awards = new Awards(store);
  const random = lcg(42);
  for (const [memberId, [feedback, surveys, cast, received, opens, manual]] of Object.entries(ACTIVITY)) {
    for (const badgeId of manual) {
      const at = badgeId === 'welcome' ? now - 43 * DAY : now - (3 + Math.floor(random() * 30)) * DAY;
      await store.awardBadge(DEMO.site, memberId, badgeId, { source: 'manual', at });
    }
    const plan: [ActivityMetric | string, number][] = [
      ['feedback.submitted', feedback],
      ['survey.completed', surveys],
      ['vote.cast', cast],
      ['topic.vote_received', received],
      [eventMetric('hot-topics', 'open'), opens],
    ];
    const steps = plan
      .flatMap(([metric, n]) => Array.from({ length: n }, (_, i) => ({ metric, ref: `seed:${metric}:${i}`, at: now - Math.floor(random() * 42 * DAY) - HOUR })))
      .sort((a, b) => a.at - b.at);
    for (const s of steps) {
      if (s.metric.startsWith('event.')) await awards.recordEngagement(DEMO.site, memberId, s.metric, s.ref, s.at);
      else await awards.record(DEMO.site, memberId, s.metric as ActivityMetric, s.ref, s.at);
    }
    // Each author's most voted topic, as the `topic.votes` metric.
    const best = TOPICS.filter((t) => t[4] === memberId).reduce((m, t) => Math.max(m, t[5]), 0);
    const bestTopic = TOPICS.find((t) => t[4] === memberId && t[5] === best);
    if (bestTopic) {
      const reachedAt = Math.min(now - HOUR, now - bestTopic[7] * HOUR + 2 * DAY);
      await awards.record(DEMO.site, memberId, 'topic.votes', bestTopic[0], reachedAt, best);
    }
  }
}

const NPS_SCORES = [10, 9, 9, 8, 10, 7, 6, 9, 10, 3, 8, 9, 10, 5, 9, 7, 10, 9, 8, 2, 10, 9, 6, 10];
const FOLLOW_UPS = {
  detractor: ['Sync conflicts every day since 4.2.', 'Too expensive for what I use.', 'Crashes on export of large files.', 'The new UI hides the tools I need.'],
  passive: ['Faster RAW import, please.', 'LUT support would make it a 10.', 'Better lens profiles for Sigma lenses.', 'A dark-room mode for night editing.'],
  promoter: ['The masking tools are brilliant.', 'Presets that actually look good.', 'Editing on the iPad is a joy.', 'This community!', 'AI denoise saved my concert photos.'],
};

async function seedResponses(store: Store, now: number): Promise<void> {
  const random = lcg(7);
  for (const [i, score] of NPS_SCORES.entries()) {
    const branch = score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
    const texts = FOLLOW_UPS[branch];
    const answers: Record<string, Answer> = { nps: score };
    const finished = i % 6 !== 5; // every sixth visitor left after the score
    if (finished) answers[branch] = texts[i % texts.length]!;
    await store.upsertResponse(
      DEMO.site,
      'demo-nps',
      { responseId: `seed-nps-${String(i).padStart(3, '0')}`, surveyVersion: 1, seq: finished ? 2 : 1, answers, finished, locale: i % 4 === 0 ? 'es' : 'en', visitorId: `seed-visitor-${i}` },
      now - Math.floor(random() * 20 * DAY) - HOUR,
    );
  }
  const views = Array.from({ length: 40 }, (_, i) => ({ id: `seed-view-${String(i).padStart(3, '0')}`, type: 'view' as const, widget: 'survey' as const, subject: 'demo-nps', at: new Date(now - (i + 1) * 11 * HOUR).toISOString() }));
  await store.recordEvents(DEMO.site, views, {}, now);

  const product: Record<string, Answer>[] = [
    { recommend: 9, ease: 5, mood: 4, role: { selected: ['professional'] }, features: { selected: ['masking', 'batch', 'export'] }, 'one-word': 'Fast', improve: 'Tethered shooting.', beta: true },
    { recommend: 7, ease: 4, mood: 3, role: { selected: ['hobbyist'] }, features: { selected: ['presets'] }, 'one-word': 'Friendly', beta: false },
    { recommend: 10, ease: 5, mood: 5, role: { selected: [], other: 'Museum archivist' }, features: { selected: ['denoise', 'masking'] }, 'one-word': 'Magic', improve: 'Smart collections.', beta: true },
    { recommend: 4, ease: 2, mood: 2, role: { selected: ['student'] }, features: { selected: ['sync'] }, 'one-word': 'Confusing', improve: 'Sync conflicts need fixing.', beta: false },
    { recommend: 8, ease: 4, mood: 4, role: { selected: ['educator'] }, features: { selected: ['presets', 'export'] }, 'one-word': 'Reliable', beta: true },
    { recommend: 9, ease: 3 },
  ];
  for (const [i, answers] of product.entries()) {
    const finished = i < 5;
    await store.upsertResponse(
      DEMO.site,
      'demo-product',
      { responseId: `seed-product-${String(i).padStart(3, '0')}`, surveyVersion: 1, seq: 1, answers, finished, locale: 'en', visitorId: `seed-visitor-p${i}` },
      now - (i + 1) * 2 * DAY,
    );
  }
}

async function seedFeedback(store: Store, now: number): Promise<void> {
  const items = [
    { id: 'seed-feedback-001', message: 'The export queue is great, but I cannot reorder items in it.', category: 'idea', rating: 4, ago: 2 * DAY },
    { id: 'seed-feedback-002', message: 'Sync says "conflict" whenever I edit on two machines the same day.', category: 'bug', rating: 2, ago: 5 * DAY },
    { id: 'seed-feedback-003', message: 'Love the new masking speed on my M2 laptop!', category: 'praise', rating: 5, ago: 9 * DAY },
    { id: 'seed-feedback-004', message: 'Please add Sigma 18-50 lens corrections.', category: 'idea', ago: 14 * DAY },
  ];
  for (const f of items) {
    const { ago, ...item } = f;
    await store.submitFeedback(DEMO.site, { ...item, context: { url: 'https://lumen.example/app', locale: 'en' }, visitorId: 'seed-visitor-f' }, now - ago);
  }
  await store.setFeedbackStatus(DEMO.site, 'seed-feedback-003', 'done', now - 8 * DAY);
  await store.setFeedbackStatus(DEMO.site, 'seed-feedback-002', 'in-progress', now - 4 * DAY);
  await store.submitFeedback(DEMO.site, { id: 'seed-feedback-spam', message: 'Cheap watches!!! http://spam.example', spamReason: 'honeypot' }, now - 3 * DAY);
}
