import { expect } from '@esm-bundle/chai';
import { KithError, getClient } from '@kith/client';
import { feedbackLocales, feedbackStrings } from '../src/index.ts';
import { draftKey, readDraft } from '../src/draft.ts';
import { $, $$, arrivals, focused, mount, record, submit, testBackend, tick, type, until } from './harness.ts';

const only = (b: ReturnType<typeof testBackend>) => [...b.state.feedback.values()];

describe('<kith-feedback> inline', () => {
  it('is inline by default: a heading, a labelled required message field and a send button', async () => {
    const el = await mount();
    expect(el.state).to.equal('idle');
    expect($(el, '.launcher-btn')).to.equal(null);
    expect($(el, 'section[part=panel] h2')!.textContent).to.equal('Feedback');
    const field = $<HTMLTextAreaElement>(el, 'textarea#message')!;
    expect($(el, 'label[for=message]')!.textContent).to.equal('Your feedback');
    expect(field.required).to.equal(true);
    expect($(el, '[part~=submit]')!.textContent!.trim()).to.equal('Submit');
    expect($$(el, 'fieldset')).to.have.length(0); // no categories or rating unless asked
    expect($(el, '#email')).to.equal(null);
  });

  it('writing: counts characters left against max-length, placeholder shown', async () => {
    const el = await mount({ 'max-length': '20', placeholder: 'What can we do better?' });
    const field = $<HTMLTextAreaElement>(el, '#message')!;
    expect(field.maxLength).to.equal(20);
    expect(field.placeholder).to.equal('What can we do better?');
    await type(el, '#message', 'Hello');
    expect(el.state).to.equal('writing');
    expect($(el, '#message-count')!.textContent).to.equal('15 characters left');
    expect(field.getAttribute('aria-describedby')).to.contain('message-count');
  });

  it('validates: an empty message is marked aria-invalid, described, focused, and nothing is sent', async () => {
    const b = testBackend();
    const el = await mount({}, b);
    await type(el, '#message', '   ');
    await submit(el);
    const field = $(el, '#message')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('message-msg');
    expect($(el, '#message-msg')!.textContent).to.equal('Please answer this.');
    expect(focused() === field).to.equal(true);
    expect(b.state.feedback.size).to.equal(0);
    await type(el, '#message', 'Fixed');
    expect(field.getAttribute('aria-invalid')).to.equal(null);
  });

  it('sent: delivered once, submit and sent events, thank-you focused, success-message, then "send more"', async () => {
    const b = testBackend();
    const el = await mount({ 'success-message': 'We read every message.' }, b);
    const events = record(el);
    await type(el, '#message', '  Love the new search  ');
    await submit(el);
    await until(() => el.state === 'sent');
    const [item] = only(b);
    expect(item!.message).to.equal('Love the new search');
    expect(arrivals(b)).to.deep.equal({ [item!.id]: 1 });
    expect(events.map((e) => e.type)).to.deep.equal(['kith-feedback-submit', 'kith-feedback-sent']);
    expect(events[0]!.detail).to.include({ id: item!.id, message: 'Love the new search' });
    expect(events[1]!.detail.id).to.equal(item!.id);
    expect(events.every((e) => e.bubbles && e.composed)).to.equal(true);
    await el.updateComplete;
    expect($(el, 'h2')!.textContent).to.equal('Thank you!');
    expect(focused() === $(el, 'h2')).to.equal(true);
    expect($(el, '[role=status]')!.textContent).to.equal('We read every message.');
    $<HTMLButtonElement>(el, '[part~=more]')!.click();
    await tick();
    expect(el.state).to.equal('idle');
    expect(focused() === $(el, '#message')).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('');
  });

  it('the texts are localized', async () => {
    const el = await mount({ locale: 'es' });
    expect($(el, 'h2')!.textContent).to.equal('Comentarios');
    await type(el, '#message', 'Hola');
    await submit(el);
    await until(() => el.state === 'sent');
    await el.updateComplete;
    expect($(el, 'h2')!.textContent).to.equal('¡Gracias!');
    expect($(el, '[role=status]')!.textContent).to.equal('Enviado.');
  });

  it('submit is cancelable: preventDefault() sends nothing', async () => {
    const b = testBackend();
    const el = await mount({}, b);
    el.addEventListener('kith-feedback-submit', (e) => e.preventDefault());
    await type(el, '#message', 'Handled by the page');
    await submit(el);
    await tick(50);
    expect(b.state.feedback.size).to.equal(0);
    expect(el.state).to.equal('writing');
  });

  it('sending: the button is aria-disabled, a second submit is ignored, one item arrives', async () => {
    const b = testBackend();
    b.fault = 'hold';
    const el = await mount({}, b);
    await type(el, '#message', 'Slow network');
    await submit(el);
    expect(el.state).to.equal('sending');
    expect($(el, '[part~=submit]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[role=status]')!.textContent).to.equal('Sending…');
    await submit(el);
    b.release();
    await until(() => el.state === 'sent');
    expect(b.state.log.filter((l) => l.call === 'submitFeedback')).to.have.length(1);
  });

  it('sending on a slow network: the form keeps its text, and what the visitor writes meanwhile is kept for "send more"', async () => {
    const b = testBackend();
    b.fault = 'hold';
    const el = await mount({ email: 'optional' }, b);
    await type(el, '#message', 'The export froze');
    await type(el, '#email', 'ana@example.com');
    await submit(el);
    await tick(100); // the outbox has taken the item up ("sending"), the server has not answered
    expect(el.state).to.equal('sending');
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('The export froze');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('ana@example.com');
    await type(el, '#message', 'The export froze. And one more thing');
    b.release();
    await until(() => el.state === 'sent');
    expect(b.state.feedback.size).to.equal(1);
    expect([...b.state.feedback.values()][0]!.message).to.equal('The export froze');
    $<HTMLButtonElement>(el, '[part~=more]')!.click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('The export froze. And one more thing');
  });

  it('categories: localized labels for known ones, other words as written, picked one sent', async () => {
    const b = testBackend();
    const el = await mount({ categories: 'bug, idea,praise,question,other,Billing,', locale: 'ru' }, b);
    const labels = $$(el, '[part~=choices] label').map((l) => l.textContent);
    expect(labels).to.deep.equal(['Ошибка', 'Идея', 'Похвала', 'Вопрос', 'Другое', 'Billing']);
    expect($(el, '[part~=choices] legend')!.textContent).to.equal('Тема');
    $$<HTMLInputElement>(el, '[part~=choices] input')[5]!.click();
    await type(el, '#message', 'Invoice wrong');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]!.category).to.equal('Billing');
  });

  for (const [kind, count, pick, value, label] of [
    ['stars', 5, 3, 4, '4 of 5'],
    ['emoji', 5, 0, 1, '1 of 5'],
    ['thumbs', 2, 1, 1, 'Good'],
    ['thumbs', 2, 0, 0, 'Bad'],
  ] as const) {
    it(`rating="${kind}": ${count} options, picking "${label}" sends ${value}`, async () => {
      const b = testBackend();
      const el = await mount({ rating: kind }, b);
      const radios = $$<HTMLInputElement>(el, '[part~=scale] input[type=radio]');
      expect(radios).to.have.length(count);
      expect($(el, '[part~=scale] legend')!.textContent).to.equal('Your rating');
      expect(radios[pick]!.getAttribute('aria-label')).to.equal(label);
      radios[pick]!.click();
      await type(el, '#message', 'Rated');
      await submit(el);
      await until(() => el.state === 'sent');
      expect(only(b)[0]!.rating).to.equal(value);
    });
  }

  it('rating="none" and no attribute send no rating', async () => {
    const b = testBackend();
    const el = await mount({ rating: 'none' }, b);
    expect($(el, '[part~=scale]')).to.equal(null);
    await type(el, '#message', 'x');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]!.rating).to.equal(undefined);
  });

  it('email="optional": may stay empty, must be valid if given, with autocomplete=email and a phone\'s email keyboard', async () => {
    const b = testBackend();
    const el = await mount({ email: 'optional' }, b);
    const field = $<HTMLInputElement>(el, '#email')!;
    expect($(el, 'label[for=email]')!.textContent).to.equal('Email (optional)');
    expect(field.getAttribute('autocomplete')).to.equal('email');
    expect([field.getAttribute('inputmode'), field.getAttribute('autocapitalize')]).to.deep.equal(['email', 'off']);
    expect(field.required).to.equal(false);
    await type(el, '#message', 'Hi');
    await type(el, '#email', 'not-an-email');
    await submit(el);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email-msg')!.textContent).to.equal('Enter a valid email address.');
    expect(focused() === field).to.equal(true);
    expect(b.state.feedback.size).to.equal(0);
    await type(el, '#email', '');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]!.email).to.equal(undefined);
  });

  it('email="required": empty is refused, a valid address is sent', async () => {
    const b = testBackend();
    const el = await mount({ email: 'required' }, b);
    expect($(el, 'label[for=email]')!.textContent).to.equal('Email');
    expect($<HTMLInputElement>(el, '#email')!.required).to.equal(true);
    await type(el, '#message', 'Call me');
    await submit(el);
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    await type(el, '#email', ' ana@example.com ');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]!.email).to.equal('ana@example.com');
  });

  it('email="off" (default) shows no field and sends no email, even if prefilled', async () => {
    const b = testBackend();
    const el = await mount({ email: 'off' }, b);
    el.prefill({ message: 'From prefill', email: 'x@example.com' });
    await el.updateComplete;
    expect($(el, '#email')).to.equal(null);
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('From prefill');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]).to.include({ message: 'From prefill', email: undefined });
  });

  it('context: page URL without fragment, title, locale and viewport by default; none with context="off"', async () => {
    const b = testBackend();
    document.title = 'Pricing – Acme';
    history.replaceState(null, '', '#secret');
    const el = await mount({ locale: 'ro' }, b);
    await type(el, '#message', 'ctx');
    await submit(el);
    await until(() => el.state === 'sent');
    const ctx = only(b)[0]!.context!;
    expect(ctx.url).to.equal(location.href.replace(/#.*/, ''));
    expect(ctx).to.include({ title: 'Pricing – Acme', locale: 'ro', viewport: `${innerWidth}x${innerHeight}` });
    history.replaceState(null, '', location.pathname + location.search);

    const b2 = testBackend();
    const off = await mount({ context: 'off' }, b2);
    await type(off, '#message', 'no ctx');
    await submit(off);
    await until(() => off.state === 'sent');
    expect(only(b2)[0]!.context).to.equal(undefined);
  });

  it('an invalid attribute is reported once in the console and shows the polite error state', async () => {
    const errors: unknown[][] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const el = await mount({ rating: 'hearts' });
      expect(errors.length).to.equal(1);
      expect(String(errors[0]![0])).to.contain('rating="hearts"').and.contain('none, stars, emoji or thumbs');
      expect($(el, '[part=error]')!.getAttribute('role')).to.equal('status');
      el.setAttribute('rating', 'stars');
      await until(() => !!$(el, '#message'));
    } finally {
      console.error = orig;
    }
  });

  it('a category longer than the protocol takes (40) is an attribute error, not a choice every submit refuses', async () => {
    const errors: unknown[][] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const long = 'feature-request-for-the-mobile-application-team';
      const el = await mount({ categories: `bug,${long}` });
      expect(errors.map(String)).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('categories=').and.contain('at most 40 characters');
      expect($(el, '[part=error]')!.getAttribute('role')).to.equal('status');
      expect($(el, '#message')).to.equal(null);
      el.setAttribute('categories', ' bug, ,idea,,');
      await until(() => !!$(el, '#message'));
      expect($$(el, '[part~=choices] input').map((i) => i.closest('label')?.textContent?.trim())).to.deep.equal(['Bug', 'Idea']);
    } finally {
      console.error = orig;
    }
  });

  it('strings: every locale has every key (English bundled, the others loaded on first use)', async () => {
    const keys = Object.keys(feedbackStrings.en!).sort();
    expect(Object.keys(feedbackLocales).sort()).to.deep.equal(['ar', 'es', 'id', 'ro', 'ru', 'zh-CN']);
    for (const [locale, load] of Object.entries(feedbackLocales)) expect(Object.keys((await load()).default).sort(), locale).to.deep.equal(keys);
  });

  it('ar: right-to-left with Arabic labels', async () => {
    const el = await mount({ locale: 'ar', categories: 'bug' });
    const base = $(el, '[part=base]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(base.getAttribute('lang')).to.equal('ar');
    expect($(el, 'label[for=message]')!.textContent).to.equal('ملاحظاتك');
    expect($(el, '[part~=choices] label')!.textContent).to.equal('خلل');
  });
});

describe('<kith-feedback> delivery states', () => {
  it('rejected: the text is kept, the server problem detail is shown, an error event fires', async () => {
    const b = testBackend();
    b.fault = new KithError('rejected', 'Blocked', {
      status: 422,
      problem: { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'Links are not allowed here.' },
    });
    const el = await mount({ categories: 'idea' }, b);
    const events = record(el);
    $<HTMLInputElement>(el, '[part~=choices] input')!.click();
    await type(el, '#message', 'See http://spam.example');
    await submit(el);
    await until(() => el.state === 'rejected');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('See http://spam.example');
    expect($<HTMLInputElement>(el, '[part~=choices] input')!.checked).to.equal(true);
    const status = $(el, '[role=status]')!;
    expect(status.textContent).to.equal('The server refused this request. Links are not allowed here.');
    expect(status.className).to.equal('msg');
    const err = events.find((e) => e.type === 'kith-feedback-error')!;
    expect(err.detail.queued).to.equal(false);
    expect(err.detail.error.status).to.equal(422);
    expect(readDraft(draftKey(el.site, ''))!.message).to.equal('See http://spam.example'); // still saved
    // fixing it and sending again works
    await type(el, '#message', 'See the docs');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b).map((f) => f.message)).to.deep.equal(['See the docs']);
  });

  it('offline: "saved, will send", then back online it is delivered exactly once and "sent" follows', async () => {
    const b = testBackend();
    b.fault = 'offline';
    const el = await mount({}, b);
    const events = record(el);
    await type(el, '#message', 'Written on a train');
    await submit(el);
    await until(() => el.state === 'queued');
    await el.updateComplete;
    expect($(el, '[role=status]')!.textContent).to.equal('Saved, will send when you are online.');
    expect($(el, 'h2')!.textContent).to.equal('Thank you!');
    expect(readDraft(draftKey(el.site, ''))).to.equal(undefined); // the outbox holds it now
    expect(events.find((e) => e.type === 'kith-feedback-error')!.detail.queued).to.equal(true);
    b.fault = undefined;
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'sent', 6000, 'delivery after online');
    const [item] = only(b);
    expect(item!.message).to.equal('Written on a train');
    expect(arrivals(b)).to.deep.equal({ [item!.id]: 1 });
    await tick(100);
    expect(events.filter((e) => e.type === 'kith-feedback-sent')).to.have.length(1);
    await el.updateComplete;
    expect($(el, '[role=status]')!.textContent).to.equal('Sent.');
  });

  it('rate-limited: a friendly message with the wait from Retry-After, then sent', async () => {
    const b = testBackend();
    b.fault = new KithError('rate-limited', 'Slow down', { status: 429, retryAfter: 1 });
    const el = await mount({}, b);
    await type(el, '#message', 'Busy day');
    await submit(el);
    await until(() => el.state === 'rate-limited');
    await el.updateComplete;
    expect($(el, '[role=status]')!.textContent).to.equal('Busy right now: saved, will be sent in 1 second.');
    await until(() => el.state === 'sent', 6000, 'delivery after the wait');
    expect(only(b)).to.have.length(1);
  });

  it('rate-limited wait in minutes, in the visitor language', async () => {
    const b = testBackend();
    b.fault = new KithError('rate-limited', 'Slow down', { status: 429, retryAfter: 120 });
    const el = await mount({ locale: 'es' }, b);
    await type(el, '#message', 'Hola');
    await submit(el);
    await until(() => el.state === 'rate-limited');
    await el.updateComplete;
    expect($(el, '[role=status]')!.textContent).to.contain('dentro de 2 minutos');
  });

  it('a queued item refused later brings its text back', async () => {
    const b = testBackend();
    b.fault = 'offline';
    const el = await mount({}, b);
    await type(el, '#message', 'Later refused');
    await submit(el);
    await until(() => el.state === 'queued');
    b.fault = new KithError('rejected', 'No', { status: 403, problem: { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Feedback is closed.' } });
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'rejected', 6000);
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Later refused');
    expect($(el, '[role=status]')!.textContent).to.contain('Feedback is closed.');
  });
});

describe('<kith-feedback> draft, anti-spam and hooks', () => {
  it('the draft survives a reload until sent', async () => {
    const b = testBackend();
    const first = await mount({ site: 'draft-site', categories: 'bug,idea', rating: 'stars', email: 'optional' }, b);
    $$<HTMLInputElement>(first, '[part~=choices] input')[1]!.click();
    $$<HTMLInputElement>(first, '[part~=scale] input')[3]!.click();
    await type(first, '#message', 'Half written');
    await type(first, '#email', 'ana@example.com');
    first.remove();
    const again = await mount({ site: 'draft-site', categories: 'bug,idea', rating: 'stars', email: 'optional' }, b);
    await until(() => $<HTMLTextAreaElement>(again, '#message')!.value === 'Half written');
    expect(again.state).to.equal('writing');
    expect($$<HTMLInputElement>(again, '[part~=choices] input')[1]!.checked).to.equal(true);
    expect($$<HTMLInputElement>(again, '[part~=scale] input')[3]!.checked).to.equal(true);
    expect($<HTMLInputElement>(again, '#email')!.value).to.equal('ana@example.com');
    await submit(again);
    await until(() => again.state === 'sent');
    expect(readDraft(draftKey('draft-site', ''))).to.equal(undefined);
    again.remove();
    const third = await mount({ site: 'draft-site' }, b);
    expect($<HTMLTextAreaElement>(third, '#message')!.value).to.equal('');
  });

  it('prefill() before the box starts is kept; a saved draft wins where both have a value', async () => {
    localStorage.setItem(draftKey('early', ''), JSON.stringify({ message: 'typed before the reload' }));
    const el = await mount({ site: 'early', categories: 'bug,idea' }, testBackend(), (e) => e.prefill({ message: 'Template: ', category: 'idea' }));
    await until(() => $<HTMLTextAreaElement>(el, '#message')!.value === 'typed before the reload');
    expect($$<HTMLInputElement>(el, '[part~=choices] input')[1]!.checked).to.equal(true);
  });

  it('where consent is required and not given, no draft is stored', async () => {
    const b = testBackend();
    getClient({ backend: b, site: 'no-consent', consentRequired: true });
    const el = await mount({ site: 'no-consent' }, b);
    await type(el, '#message', 'private words');
    expect(localStorage.getItem(draftKey('no-consent', ''))).to.equal(null);
  });

  it('two boxes with different names keep their own drafts', async () => {
    const a = await mount({ site: 'two', name: 'a' });
    const b = await mount({ site: 'two', name: 'b' });
    await type(a, '#message', 'from a');
    await type(b, '#message', 'from b');
    expect(readDraft(draftKey('two', 'a'))!.message).to.equal('from a');
    expect(readDraft(draftKey('two', 'b'))!.message).to.equal('from b');
  });

  it('honeypot: a hidden, untabbable field whose value is sent; a human leaves it empty', async () => {
    const b = testBackend();
    const el = await mount({}, b);
    const hp = $<HTMLInputElement>(el, '.hp')!;
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(hp).clipPath).to.equal('inset(50%)'); // out of sight, yet not display:none, which bots skip
    await type(el, '#message', 'human');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]!.honeypot).to.equal('');

    const b2 = testBackend();
    const bot = await mount({}, b2);
    $<HTMLInputElement>(bot, '.hp')!.value = 'http://spam.example';
    await type(bot, '#message', 'buy now');
    await submit(bot);
    await until(() => bot.state === 'sent'); // never blocked here: the server decides
    expect(only(b2)[0]!.honeypot).to.equal('http://spam.example');
  });

  it('fill time: elapsedMs counts from when the form was shown, across a reload of the draft', async () => {
    const b = testBackend();
    const el = await mount({}, b);
    await tick(120);
    await type(el, '#message', 'took a while');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]!.elapsedMs).to.be.at.least(120);

    const b2 = testBackend();
    localStorage.setItem(draftKey('fill', ''), JSON.stringify({ message: 'from before', startedAt: Date.now() - 60000 }));
    const again = await mount({ site: 'fill' }, b2);
    await until(() => again.state === 'writing');
    await submit(again);
    await until(() => again.state === 'sent');
    expect(only(b2)[0]!.elapsedMs).to.be.at.least(60000);
  });

  it('captcha-token: the attribute is passed through; a function hook is called at submit', async () => {
    const b = testBackend();
    const el = await mount({ 'captcha-token': 'tok-attr' }, b);
    await type(el, '#message', 'one');
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]!.captchaToken).to.equal('tok-attr');

    const b2 = testBackend();
    const hooked = await mount({}, b2);
    let calls = 0;
    hooked.captchaToken = async () => `tok-${++calls}`;
    await type(hooked, '#message', 'two');
    expect(calls).to.equal(0);
    await submit(hooked);
    await until(() => hooked.state === 'sent');
    expect(calls).to.equal(1);
    expect(only(b2)[0]!.captchaToken).to.equal('tok-1');
  });

  it('prefill() fills message, category, rating and email', async () => {
    const b = testBackend();
    const el = await mount({ categories: 'bug,idea', rating: 'thumbs', email: 'required' }, b);
    el.prefill({ message: 'Checkout broke: ', category: 'bug', rating: 0, email: 'ana@example.com' });
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Checkout broke: ');
    expect($<HTMLInputElement>(el, '[part~=choices] input')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '[part~=scale] input')!.checked).to.equal(true);
    await submit(el);
    await until(() => el.state === 'sent');
    expect(only(b)[0]).to.include({ message: 'Checkout broke:', category: 'bug', rating: 0, email: 'ana@example.com' });
  });
});
