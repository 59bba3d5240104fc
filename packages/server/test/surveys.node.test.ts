import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Survey } from '@kith/client/protocol';
import { checkAnswers } from '../src/domain/answers.ts';
import { csvField, responsesCsv } from '../src/domain/csv.ts';
import { checkSurvey } from '../src/domain/surveyCheck.ts';
import { csat, npsScore, summarizeSurvey } from '../src/domain/surveyResults.ts';
import { demoProduct } from '../src/seed/demoSurveys.ts';
import { testApp } from './helpers.ts';

test('NPS is % promoters (9-10) minus % detractors (0-6)', () => {
  assert.equal(npsScore([10, 9, 8, 7, 6, 0]), 0);
  assert.equal(npsScore([10, 10, 10, 5]), 50);
  assert.equal(npsScore([0, 1, 2]), -100);
  assert.equal(npsScore([9, 8, 3]), 0);
  assert.equal(npsScore([]), null);
});

test('CSAT is the share in the top two points (top point under a 4-point scale)', () => {
  assert.equal(csat([5, 4, 3, 2], 5), 50);
  assert.equal(csat([10, 9, 8], 10), 66.7);
  assert.equal(csat([3, 2, 3], 3), 66.7);
  assert.equal(csat([], 5), null);
});

test('summary: per-question results and the completion rate', () => {
  const r = (answers: Record<string, unknown>, finished: boolean, updatedAt = 0) => ({ answers: answers as never, finished, updatedAt });
  const summary = summarizeSurvey(
    demoProduct,
    [
      r({ recommend: 10, ease: 5, mood: 4, role: { selected: ['student'] }, features: { selected: ['presets', 'batch'] }, 'one-word': 'Fast', beta: true }, true, 3),
      r({ recommend: 3, ease: 2, role: { selected: [], other: 'Archivist' }, features: { selected: ['presets'] }, beta: false }, true, 2),
      r({ recommend: 8, ease: 9 /* out of range: not counted */ }, false, 1),
    ],
    6,
  );
  assert.equal(summary.started, 3);
  assert.equal(summary.finished, 2);
  assert.equal(summary.completionRate, 66.7);
  assert.equal(summary.views, 6);
  const q = Object.fromEntries(summary.questions.map((x) => [x.id, x])) as Record<string, any>;
  assert.deepEqual([q.recommend.score, q.recommend.promoters, q.recommend.passives, q.recommend.detractors], [0, 1, 1, 1]);
  assert.equal(q.recommend.distribution[10], 1);
  assert.deepEqual([q.ease.answered, q.ease.mean, q.ease.csat], [2, 3.5, 50]);
  assert.deepEqual(q.ease.distribution, [0, 1, 0, 0, 1]);
  assert.deepEqual(q.role.choices.find((c: { id: string }) => c.id === 'student'), { id: 'student', count: 1, percent: 50 });
  assert.deepEqual(q.role.other, { count: 1, latest: ['Archivist'] });
  assert.deepEqual(q.features.choices.find((c: { id: string }) => c.id === 'presets'), { id: 'presets', count: 2, percent: 100 });
  assert.deepEqual([q.beta.yes, q.beta.no, q.beta.yesPercent], [1, 1, 50]);
  assert.deepEqual(q['one-word'].latest, ['Fast']);
});

test('answers are checked against their question; unknown question ids are dropped', () => {
  const { answers, issues } = checkAnswers(demoProduct, {
    recommend: 11,
    ease: 0,
    mood: 3,
    role: { selected: ['student', 'educator'] },
    features: { selected: ['presets', 'masking', 'batch', 'denoise'] },
    'one-word': 'x'.repeat(41),
    beta: 'yes' as never,
    'not-a-question': 1,
  });
  assert.deepEqual(Object.keys(answers), ['mood']);
  assert.deepEqual(issues.map((i) => i.path), ['answers.recommend', 'answers.ease', 'answers.role', 'answers.features', 'answers.one-word', 'answers.beta']);
  assert.deepEqual(checkAnswers(demoProduct, { features: { selected: [] } }).issues.map((i) => i.message), ['must pick at least 1']);
  assert.deepEqual(checkAnswers(demoProduct, { role: { selected: [], other: 'Curator' } }).issues, []);
});

test('checkSurvey finds duplicate ids, backward or dangling jumps, ill-fitting operators, missing default-locale texts', () => {
  const bad: Survey = {
    id: 's',
    version: 1,
    defaultLocale: 'en',
    questions: [
      { id: 'a', type: 'text', required: true, maxLength: 100, text: { es: 'Hola' }, logic: [{ op: 'gt', value: 3, goto: 'b' }] },
      { id: 'b', type: 'yesno', required: true, text: 'B', logic: [{ op: 'eq', value: true, goto: 'a' }, { op: 'eq', value: false, goto: 'zzz' }] },
      { id: 'b', type: 'multiple', required: true, text: 'C', min: 3, max: 2, choices: [{ id: 'x', label: 'X' }, { id: 'x', label: 'Y' }] },
    ],
  };
  assert.deepEqual(
    checkSurvey(bad).map((i) => i.path),
    ['questions.2.id', 'questions.0.text', 'questions.0.logic.0.op', 'questions.1.logic.0.goto', 'questions.1.logic.1.goto', 'questions.2.choices.1.id', 'questions.2.min', 'questions.2.min'],
  );
  assert.deepEqual(checkSurvey(demoProduct), []);
});

test('CSV: RFC 4180 quoting and no formulas', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"\nbye'), '"say ""hi""\nbye"');
  assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField(-3), '-3', 'numbers are numbers');
  const csv = responsesCsv(demoProduct, [
    { responseId: 'r1', surveyVersion: 1, finished: true, createdAt: 0, updatedAt: 0, answers: { recommend: 9, role: { selected: [], other: 'Curator' }, features: { selected: ['presets', 'batch'] }, beta: true } },
  ]);
  const [head, row] = csv.trimEnd().split('\r\n');
  assert.equal(head, 'responseId,surveyVersion,finished,createdAt,updatedAt,locale,url,memberId,recommend,ease,mood,role,features,one-word,improve,beta');
  assert.equal(row, 'r1,1,true,1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z,,,,9,,,other: Curator,presets; batch,,,true');
});

test('admin: create, validate and update surveys (each update a new version), responses, CSV, summary', async () => {
  const t = await testApp();
  const survey = { id: 'pulse', title: 'Pulse', questions: [{ id: 'score', type: 'rating', scale: 5, text: 'How was it?' }] };
  assert.equal((await t.admin('POST', '/sites/demo/surveys', survey)).status, 201);
  assert.equal((await t.admin('POST', '/sites/demo/surveys', survey)).status, 409);
  const invalid = await t.admin('POST', '/sites/demo/surveys/validate', { ...survey, questions: [{ ...survey.questions[0], logic: [{ op: 'gte', value: 4, goto: 'nowhere' }] }] });
  assert.deepEqual(invalid.json, { valid: false, errors: [{ path: 'questions.0.logic.0.goto', message: 'no question "nowhere"' }] });
  assert.deepEqual((await t.admin('POST', '/sites/demo/surveys/validate', survey)).json, { valid: true, errors: [] });
  const schemaError = await t.admin('POST', '/sites/demo/surveys', { id: 'broken', questions: [{ id: 'q', type: 'rating', scale: 99, text: 'x' }] });
  assert.equal(schemaError.status, 422);
  assert.equal(schemaError.json.errors[0].path, 'questions.0.scale');

  const v2 = await t.admin('PUT', '/sites/demo/surveys/pulse', { ...survey, questions: [...survey.questions, { id: 'why', type: 'text', text: 'Why?' }] });
  assert.equal(v2.status, 200);
  assert.equal(v2.json.version, 2);
  const pub = await t.call('GET', '/v1/surveys/pulse');
  assert.equal(pub.json.version, 2);
  assert.equal(pub.json.questions.length, 2);

  // A visitor still on version 1 is accepted against version 1.
  const old = await t.call('POST', '/v1/surveys/pulse/responses', { body: { responseId: 'pulse-old-0001', surveyVersion: 1, answers: { score: 4 }, finished: true } });
  assert.equal(old.status, 200);
  const future = await t.call('POST', '/v1/surveys/pulse/responses', { body: { responseId: 'pulse-new-0001', surveyVersion: 3, answers: {}, finished: false } });
  assert.equal(future.status, 422);
  assert.equal(future.json.errors[0].path, 'surveyVersion');
  for (let i = 0; i < 5; i++) {
    await t.call('POST', '/v1/surveys/pulse/responses', { body: { responseId: `pulse-resp-000${i}`, surveyVersion: 2, answers: { score: i + 1, why: `because ${i}` }, finished: i % 2 === 0 } });
  }
  const page1 = await t.admin('GET', '/sites/demo/surveys/pulse/responses?limit=4');
  const page2 = await t.admin('GET', `/sites/demo/surveys/pulse/responses?limit=4&cursor=${page1.json.nextCursor}`);
  assert.equal(page1.json.items.length + page2.json.items.length, 6);
  assert.equal(page2.json.nextCursor, null);
  const finished = await t.admin('GET', '/sites/demo/surveys/pulse/responses?finished=true');
  assert.equal(finished.json.items.length, 4);
  const csv = await t.admin('GET', '/sites/demo/surveys/pulse/responses.csv');
  assert.match(csv.headers.get('content-type')!, /^text\/csv/);
  assert.equal(csv.text.trimEnd().split('\r\n').length, 7);
  assert.equal((await t.admin('GET', '/sites/demo/surveys/pulse')).json.responses, 6);
  assert.equal((await t.admin('GET', '/sites/demo/surveys')).json.items.find((s: { id: string }) => s.id === 'pulse').responses, 6);
  const summary = (await t.admin('GET', '/sites/demo/surveys/pulse/summary')).json;
  assert.equal(summary.started, 6);
  assert.equal(summary.completionRate, 66.7);
  assert.equal(summary.questions[0].csat, 50);
});

test('the demo NPS summary reflects the seeded responses', async () => {
  const t = await testApp();
  const s = (await t.admin('GET', '/sites/demo/surveys/demo-nps/summary')).json;
  assert.equal(s.started, 24);
  assert.equal(s.finished, 20);
  assert.equal(s.views, 40);
  assert.equal(s.questions[0].score, 37.5);
});
