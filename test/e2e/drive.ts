// What a visitor does with each widget, as the end-to-end tests do it: through the visible controls
// (Playwright's locators pierce shadow roots), never through the elements' internals.
import type { Locator, Page } from 'playwright-core';
import { until } from './harness.ts';

/** Click the visible option of a scale or choice list (a label around a visually hidden radio). */
export const pick = (page: Page, widget: Locator, name: string) =>
  widget.locator('label').filter({ has: page.getByRole('radio', { name, exact: true }) }).click();

/** Answer the demo-nps survey: a score, then the follow-up the score leads to, then Submit. */
export async function answerNps(page: Page, score: number, followUp: { question: string; text: string }, survey = page.locator('kith-survey')): Promise<void> {
  await pick(page, survey, String(score));
  await survey.getByRole('button', { name: 'Next' }).click();
  await survey.getByRole('textbox', { name: followUp.question }).fill(followUp.text);
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByRole('heading', { name: 'Thank you!' }).waitFor();
}

/** The reference server files feedback filled in under 1.5 s as spam; a person takes longer. */
export const HUMAN_FILL_MS = 1600;

/**
 * Send feedback from an inline box (or an open launcher panel) and wait for "sent". `since` is when
 * the visitor started; the call waits until a person could have typed it.
 */
export async function sendFeedback(page: Page, message: string, opts: { category?: string; since?: number; feedback?: Locator } = {}): Promise<void> {
  const feedback = opts.feedback ?? page.locator('kith-feedback');
  const since = opts.since ?? Date.now();
  if (opts.category) await pick(page, feedback, opts.category);
  await feedback.getByRole('textbox', { name: 'Your feedback' }).fill(message);
  await page.waitForTimeout(Math.max(0, HUMAN_FILL_MS - (Date.now() - since)));
  await feedback.getByRole('button', { name: 'Submit' }).click();
  await until('the feedback to be sent', () => feedback.evaluate((e) => (e as HTMLElement & { state: string }).state === 'sent'));
}

/** A topic of the hot-topics feed, by (part of) its title. */
export const topic = (page: Page, title: string) => page.locator('kith-hot-topics [part~="topic"]', { hasText: title });

/** Vote for a topic and wait for the button to show it. */
export async function vote(page: Page, title: string): Promise<Locator> {
  const button = topic(page, title).locator('button[aria-pressed]').first();
  await button.click();
  await until('the pressed vote button', async () => (await button.getAttribute('aria-pressed')) === 'true');
  return button;
}

/** Open a badge's detail dialog on the badge wall (centred first, away from a corner launcher). */
export async function openBadge(page: Page, name: string): Promise<Locator> {
  const wall = page.locator('kith-badge-wall');
  const badge = wall.getByRole('button', { name: new RegExp(name) });
  await badge.evaluate((b) => b.scrollIntoView({ block: 'center' }));
  await badge.click();
  const dialog = wall.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}
