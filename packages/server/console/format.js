// @ts-check
// Times and figures in the admin's own locale (the browser's), through Intl.
import { h } from './dom.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percents = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/**
 * A `<time>` with the ISO time as its machine value and the local date and time as its text.
 * @param {string} iso
 */
export const time = (iso) => h('time', { datetime: iso }, dateTime.format(new Date(iso)));

/** @param {number} n */
export const number = (n) => numbers.format(n);

/**
 * A percentage as the API gives it (0 to 100, one decimal), or a dash when there is nothing to count.
 * @param {number | null} p
 */
export const percent = (p) => (p === null ? '–' : percents.format(p / 100));
