// @ts-check
// Building the console's DOM. Strings only ever become text nodes or attribute values, so whatever a
// community member wrote is shown as text; there is deliberately no way to pass HTML (and the page's
// Trusted Types policy refuses a string given to any HTML sink anyway).

/**
 * @typedef {Node | string | number | null | undefined | false | Children} Child
 * @typedef {Array<Child>} Children
 */

/**
 * An element with attributes (`true` sets an empty one; `null`, `undefined` and `false` leave it out)
 * and children (strings and numbers as text). Attribute names are always written in this code, never
 * taken from data.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/**
 * @param {Element} parent
 * @param {Child} child
 */
function append(parent, child) {
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else if (child !== null && child !== undefined && child !== false) parent.append(typeof child === 'number' ? String(child) : child);
}

/**
 * The element with this id, checked to be of this class.
 * @template {abstract new (...args: never[]) => HTMLElement} T
 * @param {string} id
 * @param {T} type
 * @returns {InstanceType<T>}
 */
export function byId(id, type) {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return /** @type {InstanceType<T>} */ (element);
}

let ids = 0;
/** A fresh id for `aria-labelledby` and friends (never built from data). */
export const newId = (prefix = 'k') => `${prefix}-${++ids}`;

/**
 * Moves keyboard focus to `element` (a heading, say, when what had focus was replaced), making it
 * focusable from script only where it is not focusable already.
 * @param {HTMLElement} element
 */
export function focusOn(element) {
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
  element.focus();
}
