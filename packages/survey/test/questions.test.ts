import { expect } from '@esm-bundle/chai';
import { $, $$, backend, legend, mount, next, noAxeViolations, pick, press, recordEvents, tick, type, until } from './harness.ts';
import { matches, nextQuestion } from '../src/logic.ts';
import type { Survey } from '@kith/client';

describe('<kith-survey> questions', () => {
  it('walks every question type, validating each, and saves partial responses as it goes', async () => {
    const b = backend();
    const ev = recordEvents();
    const el = await mount({ survey: 'all' }, b);
    await until(() => legend(el), 3000, 'first question');
    const saved = () => [...b.state.responses.values()][0];

    // nps: required, message linked by aria-describedby, aria-invalid
    expect(legend(el)).to.equal('How likely are you to recommend us?');
    expect($(el, '.ends')!.textContent).to.contain('Not likely').and.contain('Very likely');
    expect($$(el, '.q input[type=radio]').length).to.equal(11);
    await noAxeViolations(el, 'nps');
    await next(el);
    const group = $(el, '.q fieldset')!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    const msg = $(el, '.msg')!;
    expect(msg.textContent).to.equal('Please answer this.');
    expect(group.getAttribute('aria-describedby')).to.contain(msg.id);
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('radio'); // focus moved to the question
    await noAxeViolations(el, 'nps error');
    await pick(el, '9');
    expect($(el, '.msg')!.hidden).to.equal(true);
    await next(el);
    expect(ev.types()).to.deep.equal(['view', 'start', 'answer']);
    await until(() => saved()?.answers.nps === 9, 3000, 'partial save');
    expect(saved()!.finished).to.equal(false);
    const ids = { surveyId: 'all', responseId: saved()!.responseId };
    expect(ev.seen.map((e) => e.detail)).to.deep.equal([ids, ids, { ...ids, questionId: 'nps', answer: 9 }]);

    // stars
    expect(legend(el)).to.equal('Rate the docs');
    expect($$(el, '.q input').map((i) => i.getAttribute('aria-label'))).to.deep.equal(['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']);
    await pick(el, '4 of 5');
    expect($$(el, '.opt.on').length).to.equal(4);
    await noAxeViolations(el, 'stars');
    await next(el);

    // emoji, optional: can be skipped
    expect(legend(el)).to.equal('Your mood (Optional)');
    expect($$(el, '.q .opt span').map((s) => s.textContent)).to.deep.equal(['😞', '😐', '😀']);
    await noAxeViolations(el, 'emoji');
    await next(el);

    // numbers 1..7 with end labels
    expect(legend(el)).to.equal('Effort');
    expect($$(el, '.q input').length).to.equal(7);
    expect($(el, '.ends')!.textContent).to.contain('Easy').and.contain('Hard');
    await pick(el, '2');
    await next(el);

    // single with other: other needs its text
    expect(legend(el)).to.equal('Pick one');
    await pick(el, 'Other');
    expect($(el, '.q input.other')).to.not.equal(null);
    await next(el);
    expect($(el, '.msg')!.textContent).to.equal('Please specify');
    await type(el, 'Gamma', '.q input.other');
    await noAxeViolations(el, 'single other');
    await next(el);

    // multiple, min 2 max 2, other counts as a pick
    expect(legend(el)).to.equal('Pick two');
    await pick(el, 'Ex');
    await next(el);
    expect($(el, '.msg')!.textContent).to.equal('Choose at least 2 options.');
    await pick(el, 'Why');
    await pick(el, 'Zed');
    await next(el);
    expect($(el, '.msg')!.textContent).to.equal('Choose at most 2 options.');
    await pick(el, 'Zed');
    await noAxeViolations(el, 'multiple');
    await next(el);

    // short text, optional, counter
    expect($(el, '.q label')!.textContent).to.equal('Your name (Optional)');
    const input = $<HTMLInputElement>(el, '.q input[type=text]')!;
    expect(input.placeholder).to.equal('Ana');
    expect(input.maxLength).to.equal(20);
    await type(el, 'Ana');
    expect($(el, '.count')!.textContent).to.equal('17 characters left');
    await noAxeViolations(el, 'short text');
    await next(el);

    // long text, required, with description; Back returns to the previous answer
    expect($(el, '.q textarea')).to.not.equal(null);
    expect($(el, '.hint')!.textContent).to.equal('Be kind');
    expect($(el, '.q textarea')!.getAttribute('aria-describedby')).to.contain($(el, '.hint')!.id);
    $<HTMLButtonElement>(el, '[part~=back]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '.q input[type=text]')!.value).to.equal('Ana');
    await next(el);
    await next(el);
    expect($(el, '.q textarea')!.getAttribute('aria-invalid')).to.equal('true');
    await type(el, 'Great work\nthanks');
    await noAxeViolations(el, 'long text');
    await next(el);

    // yes/no, last: the button says Submit
    expect(legend(el)).to.equal('Can we contact you?');
    expect($(el, '[part~=next]')!.textContent!.trim()).to.equal('Submit');
    await pick(el, 'No');
    await noAxeViolations(el, 'yesno');
    await next(el);

    // thank-you with link, focus on its heading
    expect($(el, '.thanks h3')!.textContent).to.equal('Thanks a lot');
    expect(el.shadowRoot!.activeElement === $(el, '.thanks h3')).to.equal(true);
    const link = $<HTMLAnchorElement>(el, '[part=link]')!;
    expect(link.href).to.equal('https://example.com/next');
    await until(() => saved()?.finished, 3000, 'finished save');
    expect(saved()!.answers).to.deep.equal({
      nps: 9,
      stars: 4,
      nums: 2,
      one: { selected: [], other: 'Gamma' },
      many: { selected: ['x', 'y'] },
      short: 'Ana',
      long: 'Great work\nthanks',
      yn: false,
    });
    await until(() => $(el, '.thanks .status')!.textContent === 'Your answers were sent.', 3000, 'sent');
    await noAxeViolations(el, 'thank-you');
    expect(ev.types().filter((t) => t === 'answer').length).to.equal(9); // 'short' was answered twice (Back)
    expect(ev.types().at(-1)).to.equal('complete');
    expect(ev.seen.at(-1)!.detail.answers.yn).to.equal(false);
    ev.stop();
  });

  it('keyboard: arrows move within a scale and a checkbox group, Enter continues', async () => {
    const el = await mount({ survey: 'all' });
    await until(() => legend(el));
    const focused = () => el.shadowRoot!.activeElement as HTMLInputElement;
    $$<HTMLInputElement>(el, '.q input')[0]!.focus();
    await press('ArrowRight');
    await press('ArrowRight');
    await el.updateComplete;
    expect(focused().getAttribute('aria-label')).to.equal('2');
    expect(focused().checked).to.equal(true);
    await press('Enter');
    await until(() => legend(el) === 'Rate the docs', 2000, 'next question after Enter');
    expect(focused().type).to.equal('radio'); // focus follows to the new question
    await press('ArrowRight');
    await press('Enter');
    await until(() => legend(el) === 'Your mood (Optional)');
    await press('Enter');
    await until(() => legend(el) === 'Effort');
    await press('ArrowRight');
    await press('Enter');
    await until(() => legend(el) === 'Pick one');
    await press('ArrowDown');
    await press('Enter');
    await until(() => legend(el) === 'Pick two');
    // checkboxes: one tab stop, arrows move focus (not selection), Space toggles
    expect($$<HTMLInputElement>(el, '.q input[type=checkbox]').map((i) => i.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    await press('Space');
    await press('ArrowDown');
    await press('Space');
    await el.updateComplete;
    expect(focused().closest('label')!.textContent!.trim()).to.equal('Why');
    await press('Enter');
    await until(() => $(el, '.q label')?.textContent === 'Your name (Optional)');
  });

  it('localizes survey texts and UI by locale, right-to-left for ar, in dark theme', async () => {
    const es = await mount({ survey: 'nps', locale: 'es' });
    await until(() => legend(es));
    expect(legend(es)).to.equal('¿Qué tan probable?');
    expect($(es, '[part~=next]')!.textContent!.trim()).to.equal('Siguiente');
    expect($(es, '.progress')!.getAttribute('aria-label')).to.equal('Pregunta 1 de 2');

    const ar = await mount({ survey: 'all', locale: 'ar', theme: 'dark' });
    await until(() => legend(ar));
    expect($(ar, '[part=base]')!.getAttribute('dir')).to.equal('rtl');
    expect(legend(ar)).to.equal('ما مدى احتمال أن توصي بنا؟');
    expect($(ar, '#title')!.textContent).to.equal('أخبرنا');
    expect($(ar, '[part~=next]')!.textContent!.trim()).to.equal('التالي'); // ui strings, loaded on first use
    expect($(ar, '.ends')!.textContent).to.contain('غير محتمل'); // survey strings, loaded on first use
    expect($$(ar, '.q .opt span')[3]!.textContent).to.equal(new Intl.NumberFormat('ar').format(3)); // digits via Intl
    await noAxeViolations(ar, 'ar dark');
    await next(ar);
    await noAxeViolations(ar, 'ar dark error');
  });

  it('marks backend text found only in another language with its lang, so a screen reader reads it in that voice', async () => {
    const es = await mount({ survey: 'all', locale: 'es' });
    await until(() => legend(es));
    // the title has Spanish: unmarked; the first question has only en and ar: marked en (the default)
    expect($(es, '#title')!.textContent).to.equal('Cuéntanos');
    expect($(es, '#title [lang]')).to.equal(null);
    const marked = $(es, '.q legend [lang]')!;
    expect([marked.getAttribute('lang'), marked.textContent]).to.deep.equal(['en', 'How likely are you to recommend us?']);
    expect($(es, '[part~=next]')!.closest('[lang]')!.getAttribute('lang')).to.equal('es'); // the UI's own words stay Spanish
    await noAxeViolations(es, 'es, English fallback');
    // a plain string's language is not known: left unmarked rather than guessed
    await pick(es, '9');
    await next(es);
    await until(() => legend(es) === 'Rate the docs');
    expect($(es, '.q [lang]')).to.equal(null);
    // a visitor whose language the text has: nothing marked
    const ar = await mount({ survey: 'all', locale: 'ar' });
    await until(() => legend(ar));
    expect($$(ar, '.q [lang], #title [lang]')).to.have.length(0);
  });

  it('shows a visible error, never throws, for an unknown survey and an invalid definition', async () => {
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => uncaught.push(e);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    const origError = console.error;
    const logged: string[] = [];
    console.error = (...a: unknown[]) => logged.push(a.join(' '));
    try {
      const missing = await mount({ survey: 'nope' });
      await until(() => $(missing, '[part=error]'));
      expect($(missing, '[part=error]')!.getAttribute('role')).to.equal('status');
      expect($(missing, '[part=error]')!.textContent).to.contain('This content was not found.');
      await noAxeViolations(missing, 'not found');

      const bad = backend();
      bad.getSurvey = async () => ({ id: 'broken', version: 'one', questions: [{ id: 'q', type: 'essay' }] }) as never;
      const broken = await mount({ survey: 'broken', theme: 'dark' }, bad);
      await until(() => $(broken, '[part=error]'));
      expect($(broken, '[part=error]')!.textContent).to.contain('The server sent something unexpected.');
      expect(logged.some((l) => l.includes('<kith-survey>'))).to.equal(true);
      await noAxeViolations(broken, 'invalid definition');

      const attrs = await mount({ survey: 'nps', display: 'sideways', trigger: 'whenever' });
      expect(logged.filter((l) => l.includes('display="sideways"') && l.includes('inline, popover or modal')).length).to.equal(1);
      expect(logged.some((l) => l.includes('trigger="whenever"'))).to.equal(true);
      expect($(attrs, '[part=error]')!.textContent).to.contain('not set up correctly');
      await noAxeViolations(attrs, 'config error');
      await tick(50);
      expect(uncaught).to.deep.equal([]);
    } finally {
      console.error = origError;
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
  });
});

describe('skip logic', () => {
  const survey = {
    id: 'branch',
    version: 1,
    defaultLocale: 'en',
    questions: [
      { id: 'score', type: 'nps', text: 'Score', required: true, logic: [{ op: 'lte', value: 6, goto: 'why' }, { op: 'gte', value: 9, goto: 'end' }] },
      { id: 'mid', type: 'text', text: 'Mid?', required: false, maxLength: 100, logic: [{ op: 'skipped', goto: 'end' }, { op: 'includes', value: 'price', goto: 'why' }] },
      { id: 'extra', type: 'yesno', text: 'Extra?', required: true, logic: [{ op: 'eq', value: true, goto: 'end' }, { op: 'answered', goto: 'why' }] },
      { id: 'why', type: 'single', text: 'Why?', required: true, choices: [{ id: 'price', label: 'Price' }, { id: 'quality', label: 'Quality' }], logic: [{ op: 'eq', value: 'price', goto: 'end' }, { op: 'neq', value: 'price', goto: 'tags' }] },
      { id: 'tags', type: 'multiple', text: 'Tags', required: false, choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], logic: [{ op: 'includes', value: 'a', goto: 'end' }, { op: 'answered', goto: 'score' }] },
      { id: 'last', type: 'rating', text: 'Last', required: true, scale: 5, style: 'stars', logic: [{ op: 'lt', value: 3, goto: 'score' }, { op: 'gt', value: 3, goto: 'end' }] },
    ],
  } as unknown as Survey;
  const q = (id: string) => survey.questions.find((x) => x.id === id)!;

  it('follows each operator', () => {
    expect(nextQuestion(survey, q('score'), 3)).to.equal('why'); // lte
    expect(nextQuestion(survey, q('score'), 10)).to.equal('end'); // gte
    expect(nextQuestion(survey, q('score'), 7)).to.equal('mid'); // no match: next
    expect(nextQuestion(survey, q('mid'), undefined)).to.equal('end'); // skipped
    expect(nextQuestion(survey, q('mid'), 'The PRICE is high')).to.equal('why'); // includes (text)
    expect(nextQuestion(survey, q('mid'), 'fine')).to.equal('extra');
    expect(nextQuestion(survey, q('extra'), true)).to.equal('end'); // eq boolean
    expect(nextQuestion(survey, q('extra'), false)).to.equal('why'); // answered
    expect(nextQuestion(survey, q('why'), { selected: ['price'] })).to.equal('end'); // eq choice
    expect(nextQuestion(survey, q('why'), { selected: ['quality'] })).to.equal('tags'); // neq choice
    expect(nextQuestion(survey, q('tags'), { selected: ['b', 'a'] })).to.equal('end'); // includes choice
    expect(nextQuestion(survey, q('tags'), { selected: ['b'] })).to.equal('last');
    expect(nextQuestion(survey, q('last'), 2)).to.equal('end'); // lt pointing backwards: ignored, no loop
    expect(nextQuestion(survey, q('last'), 4)).to.equal('end'); // gt
    expect(matches({ op: 'lt', value: 3, goto: 'x' }, 2)).to.equal(true);
    expect(matches({ op: 'gt', value: 3, goto: 'x' }, 'abc')).to.equal(false);
    expect(matches({ op: 'answered', goto: 'x' }, '  ')).to.equal(false);
    expect(matches({ op: 'skipped', goto: 'x' }, { selected: [] })).to.equal(true);
  });

  it('branches in the widget, and Back follows the path taken', async () => {
    const b = backend({ surveys: [survey as never] });
    const el = await mount({ survey: 'branch' }, b);
    await until(() => legend(el));
    await pick(el, '3');
    await next(el);
    expect(legend(el)).to.equal('Why?');
    // progress follows the path: the second question of at most four (why, then maybe tags), not "4 of 6"
    const progress = () => [$(el, '.progress')!.getAttribute('aria-valuenow'), $(el, '.progress')!.getAttribute('aria-valuemax'), $(el, '.progress')!.getAttribute('aria-label')];
    expect(progress()).to.deep.equal(['2', '4', 'Question 2 of 4']);
    await pick(el, 'Price'); // Price ends the survey here: this is the last question
    expect(progress()).to.deep.equal(['2', '2', 'Question 2 of 2']);
    $<HTMLButtonElement>(el, '[part~=back]')!.click();
    await el.updateComplete;
    expect(legend(el)).to.equal('Score');
    await pick(el, '7');
    await next(el);
    expect($(el, '.q label')!.textContent).to.equal('Mid? (Optional)');
    await type(el, 'price');
    await next(el);
    expect(legend(el)).to.equal('Why?');
    await pick(el, 'Price');
    expect($(el, '[part~=next]')!.textContent!.trim()).to.equal('Submit');
    await next(el);
    expect($(el, '.thanks')).to.not.equal(null);
    await until(() => [...b.state.responses.values()][0]?.finished);
    expect([...b.state.responses.values()][0]!.answers).to.deep.equal({ score: 7, mid: 'price', why: { selected: ['price'] } });
  });

  it('Back and Next show each question as answered: ticks match what will be sent, focus on the choice', async () => {
    const b = backend({
      surveys: [
        {
          id: 'steps',
          version: 1,
          questions: [
            { id: 'mood', type: 'rating', text: 'Mood', scale: 5, style: 'emoji' },
            { id: 'role', type: 'single', text: 'Role', choices: ['Pro', 'Hobbyist', 'Student', 'Other'].map((l) => ({ id: l.toLowerCase(), label: l })) },
            {
              id: 'features',
              type: 'multiple',
              text: 'Features',
              max: 3,
              choices: ['Presets', 'Masking', 'Batch', 'Denoise', 'Export'].map((l) => ({ id: l.toLowerCase(), label: l })),
            },
          ],
        } as never,
      ],
    });
    const el = await mount({ survey: 'steps' }, b);
    await until(() => legend(el));
    const inputs = () => $$<HTMLInputElement>(el, '.q input');
    const ticked = () => inputs().filter((i) => i.checked).map((i) => i.getAttribute('aria-label') ?? i.closest('label')!.textContent!.trim());
    const marked = () => $$(el, '.q label.on').map((l) => l.getAttribute('aria-label') ?? l.querySelector('input')!.getAttribute('aria-label') ?? l.textContent!.trim());
    const back = async () => {
      $<HTMLButtonElement>(el, '[part~=back]')!.click();
      await el.updateComplete;
      await tick();
    };
    const focusedInput = () => el.shadowRoot!.activeElement as HTMLInputElement | null;

    inputs()[1]!.click(); // mood 2
    await el.updateComplete;
    await next(el);
    await pick(el, 'Hobbyist');
    await next(el);
    for (const f of ['Presets', 'Masking', 'Batch']) await pick(el, f);
    expect(ticked()).to.deep.equal(['Presets', 'Masking', 'Batch']);

    await back(); // to Role: the radio ticked is Hobbyist, and focus is on it
    expect(legend(el)).to.equal('Role');
    expect(ticked()).to.deep.equal(['Hobbyist']);
    expect(marked()).to.deep.equal(['Hobbyist']);
    expect(focusedInput()?.checked, 'focus on the chosen option').to.equal(true);

    await back(); // to Mood: emoji 2 is the one checked (what a screen reader says is selected)
    expect(inputs().map((i) => i.checked)).to.deep.equal([false, true, false, false, false]);
    expect(focusedInput()).to.equal(inputs()[1]);

    await next(el);
    await next(el); // forward to Features again: the same three ticked, no more
    expect(legend(el)).to.equal('Features');
    expect(ticked()).to.deep.equal(['Presets', 'Masking', 'Batch']);
    expect(marked()).to.deep.equal(['Presets', 'Masking', 'Batch']);
    await next(el);
    await until(() => [...b.state.responses.values()][0]?.finished);
    expect([...b.state.responses.values()][0]!.answers).to.deep.equal({ mood: 2, role: { selected: ['hobbyist'] }, features: { selected: ['presets', 'masking', 'batch'] } });
  });

  it('drops answers of a branch the visitor left', async () => {
    const b = backend({ surveys: [survey as never] });
    const el = await mount({ survey: 'branch' }, b);
    await until(() => legend(el));
    await pick(el, '7');
    await next(el);
    await type(el, 'ok');
    await next(el);
    expect(legend(el)).to.equal('Extra?');
    $<HTMLButtonElement>(el, '[part~=back]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=back]')!.click();
    await el.updateComplete;
    await pick(el, '10');
    await next(el);
    await until(() => [...b.state.responses.values()][0]?.finished);
    expect([...b.state.responses.values()][0]!.answers).to.deep.equal({ score: 10 });
  });
});
