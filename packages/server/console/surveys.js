// @ts-check
// Surveys: the list, one survey's results as the summary gives them (labelled with the survey's
// own question texts), and its responses as CSV.
import { path } from './adminApi.js';
import { byId, focusOn, h, newId } from './dom.js';
import { number, percent, time } from './format.js';
import { View } from './view.js';

/**
 * @typedef {import('./adminApi.js').SurveyListItem} SurveyListItem
 * @typedef {import('./adminApi.js').SurveySummary} SurveySummary
 * @typedef {import('./adminApi.js').QuestionSummary} QuestionSummary
 * @typedef {import('./adminApi.js').Survey} Survey
 * @typedef {import('./adminApi.js').Question} Question
 * @typedef {import('./adminApi.js').LocalizedText} LocalizedText
 * @typedef {import('./main.js').ViewContext} ViewContext
 * @typedef {{ label: string | Node, count: number, percent: number | null }} Row
 */

const TYPE_NAMES = /** @satisfies {Record<Question['type'], string>} */ ({
  nps: 'NPS',
  rating: 'Rating',
  single: 'One choice',
  multiple: 'Several choices',
  text: 'Text',
  yesno: 'Yes or no',
});

const language = (tag = '') => tag.toLowerCase().split('-')[0];

/**
 * A text of the survey in the admin's language (the browser's): exact, same language, the survey's
 * default locale, then any; `lang` names it when it is not the page's English.
 * @param {LocalizedText | undefined} text
 * @param {string} fallback the survey's default locale
 * @returns {HTMLSpanElement}
 */
function localized(text, fallback) {
  if (text === undefined || typeof text === 'string') return h('span', {}, text ?? '');
  const keys = Object.keys(text);
  const wanted = navigator.language;
  const key =
    keys.find((k) => k.toLowerCase() === wanted.toLowerCase()) ??
    keys.find((k) => language(k) === language(wanted)) ??
    (keys.includes(fallback) ? fallback : keys[0]);
  return h('span', { lang: key && language(key) !== 'en' ? key : null }, key ? (text[key] ?? '') : '');
}

/** @param {number} part @param {number} whole */
const share = (part, whole) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * Figures as a description list.
 * @param {[string, string][]} pairs
 */
const figures = (pairs) => h('dl', { class: 'figures' }, pairs.map(([name, value]) => h('div', {}, h('dt', {}, name), h('dd', {}, value))));

/**
 * Answers per score or choice: a table with the count, the share and a bar (the bar repeats the share for the eye).
 * @param {string} caption
 * @param {string} first the first column's header
 * @param {Row[]} rows
 * @param {number} answered
 */
function distribution(caption, first, rows, answered) {
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { class: 'distribution' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, first), h('th', { scope: 'col' }, 'Answers'), h('th', { scope: 'col' }, 'Share'))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.label),
            h('td', {}, number(r.count)),
            h('td', {}, h('span', { class: 'share' }, percent(r.percent)), h('progress', { max: Math.max(answered, 1), value: r.count, 'aria-hidden': 'true' })),
          ),
        ),
      ),
    ),
  );
}

/**
 * Quotes from visitors (text answers, "other" choices): untrusted text, shown as text.
 * @param {string} title
 * @param {string[]} texts
 */
const quotes = (title, texts) => (texts.length ? [h('p', { class: 'quotes-title' }, title), h('ul', { class: 'quotes' }, texts.map((t) => h('li', {}, t)))] : []);

/**
 * What the summary says about one question.
 * @param {QuestionSummary} q
 * @param {Question | undefined} question
 * @param {string} fallback
 */
function questionBody(q, question, fallback) {
  switch (q.type) {
    case 'nps':
      return [
        figures([
          ['NPS', q.score === null ? '–' : number(q.score)],
          ['Promoters (9–10)', number(q.promoters)],
          ['Passives (7–8)', number(q.passives)],
          ['Detractors (0–6)', number(q.detractors)],
        ]),
        distribution('Answers per score', 'Score', q.distribution.map((count, score) => ({ label: String(score), count, percent: share(count, q.answered) })), q.answered),
      ];
    case 'rating':
      return [
        figures([
          ['Mean', q.mean === null ? '–' : `${number(q.mean)} of ${q.scale}`],
          ['Satisfied (CSAT)', percent(q.csat)],
        ]),
        distribution('Answers per rating', 'Rating', q.distribution.map((count, i) => ({ label: String(i + 1), count, percent: share(count, q.answered) })), q.answered),
      ];
    case 'single':
    case 'multiple': {
      const choices = question && (question.type === 'single' || question.type === 'multiple') ? question.choices : [];
      const label = (/** @type {string} */ id) => {
        const choice = choices.find((c) => c.id === id);
        return choice ? localized(choice.label, fallback) : id;
      };
      return [
        distribution('Answers per choice', 'Choice', q.choices.map((c) => ({ label: label(c.id), count: c.count, percent: c.percent })), q.answered),
        q.other.count ? figures([['Other', number(q.other.count)]]) : null,
        quotes('Latest “other” answers', q.other.latest),
      ];
    }
    case 'yesno':
      return [figures([['Yes', number(q.yes)], ['No', number(q.no)], ['Yes share', percent(q.yesPercent)]])];
    case 'text':
      return [quotes('Latest answers', q.latest)];
  }
}

export class Surveys extends View {
  /** The check of the load that shows the current list: results opened from it show only while it holds. */
  #current = () => false;
  #list = byId('survey-list', HTMLUListElement);
  #empty = byId('surveys-empty', HTMLParagraphElement);
  #results = byId('survey-results', HTMLDivElement);

  /** @param {ViewContext} ctx */
  constructor(ctx) {
    super(ctx, 'surveys-refresh');
  }

  /**
   * @override
   * @param {string} site
   * @param {{ announce?: boolean }} [opts]
   */
  async load(site, opts = {}) {
    this.site = site;
    const current = this.begin();
    try {
      /** @type {{ items: SurveyListItem[] }} */
      const { items } = await this.ctx.api.get(path`/sites/${site}/surveys`);
      if (!current()) return;
      this.#current = current;
      this.reset();
      this.#list.append(...items.map((s) => this.#card(s)));
      this.#empty.hidden = items.length > 0;
      if (opts.announce) this.ctx.announce(`${number(items.length)} surveys.`);
    } catch (e) {
      this.ctx.fail(e);
    }
  }

  /** @override */
  reset() {
    this.#list.replaceChildren();
    this.#results.replaceChildren();
    this.#empty.hidden = true;
  }

  /** @param {SurveyListItem} s */
  #card(s) {
    const title = s.title === undefined ? h('span', {}, s.id) : localized(s.title, 'en');
    const open = h('button', { type: 'button' }, 'Show results', h('span', { class: 'visually-hidden' }, ' for ', title.cloneNode(true)));
    open.addEventListener('click', () => this.#open(s));
    return h(
      'li',
      { class: 'card' },
      h('h3', {}, title),
      h(
        'p',
        { class: 'meta' },
        `${s.id} · version ${s.version} · ${number(s.questions)} ${s.questions === 1 ? 'question' : 'questions'} · ${number(s.responses ?? 0)} ${s.responses === 1 ? 'response' : 'responses'} · updated `,
        time(s.updatedAt),
      ),
      open,
    );
  }

  /** @param {SurveyListItem} s */
  async #open(s) {
    const current = this.#current;
    try {
      /** @type {[SurveySummary, Survey]} */
      const [summary, survey] = await Promise.all([this.ctx.api.get(path`/sites/${this.site}/surveys/${s.id}/summary`), this.ctx.api.get(path`/sites/${this.site}/surveys/${s.id}`)]);
      if (!current()) return;
      const heading = this.#render(summary, survey);
      focusOn(heading);
      this.ctx.announce('Results loaded.');
    } catch (e) {
      this.ctx.fail(e);
    }
  }

  /**
   * @param {SurveySummary} summary
   * @param {Survey} survey
   */
  #render(summary, survey) {
    const fallback = survey.defaultLocale;
    const headingId = newId('results');
    const heading = h('h3', { id: headingId }, 'Results: ', survey.title === undefined ? survey.id : localized(survey.title, fallback));
    const download = h('button', { type: 'button' }, 'Download responses (CSV)');
    download.addEventListener('click', () => this.#download(survey.id));
    const questions = summary.questions.map((q, i) => {
      const question = survey.questions.find((x) => x.id === q.id);
      const id = newId('question');
      return h(
        'section',
        { class: 'question', 'aria-labelledby': id },
        h('h4', { id }, `${i + 1}. `, question ? localized(question.text, fallback) : q.id),
        h('p', { class: 'meta' }, `${q.id} · ${TYPE_NAMES[q.type]} · ${number(q.answered)} ${q.answered === 1 ? 'answer' : 'answers'}`),
        questionBody(q, question, fallback),
      );
    });
    this.#results.replaceChildren(
      h(
        'section',
        { 'aria-labelledby': headingId },
        heading,
        h('p', { class: 'meta' }, `${summary.surveyId}, version ${summary.version}. Partial responses count: answers are saved as visitors go.`),
        download,
        figures([
          ['Views', number(summary.views)],
          ['Responses started', number(summary.started)],
          ['Finished', number(summary.finished)],
          ['Completion rate', percent(summary.completionRate)],
        ]),
        questions,
      ),
    );
    return heading;
  }

  /**
   * The CSV through fetch (a plain link cannot send the token), saved from a Blob URL.
   * @param {string} id
   */
  async #download(id) {
    try {
      const { blob, name } = await this.ctx.api.file(path`/sites/${this.site}/surveys/${id}/responses.csv`, `${id}-responses.csv`);
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.ctx.announce(`Downloading ${name}.`);
    } catch (e) {
      this.ctx.fail(e);
    }
  }
}
