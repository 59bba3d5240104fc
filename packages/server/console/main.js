// @ts-check
// The admin console: sign in with the admin token, pick a site, then the inbox, the surveys and the
// moderation queue, each a view that fills its part of index.html from the admin API.
import { AdminApi, AdminApiError } from './adminApi.js';
import { byId, focusOn, h } from './dom.js';
import { Inbox } from './inbox.js';
import { Moderation } from './moderation.js';
import { Surveys } from './surveys.js';

/**
 * What every view gets: the API, and where its messages go.
 * @typedef {{ api: AdminApi, announce: (message: string) => void, fail: (error: unknown) => void }} ViewContext
 * @typedef {import('./adminApi.js').Site} Site
 */

// sessionStorage only: the token lasts as long as this tab and is never in the URL or localStorage.
const TOKEN_KEY = 'kith-console-token';
const SITE_KEY = 'kith-console-site';
const SECTIONS = ['inbox', 'surveys', 'moderation'];

const signInSection = byId('sign-in', HTMLElement);
const tokenInput = byId('token', HTMLInputElement);
const tokenError = byId('token-error', HTMLParagraphElement);
const workspace = byId('workspace', HTMLDivElement);
const account = byId('account', HTMLDivElement);
const sitePicker = byId('site', HTMLSelectElement);
const status = byId('status', HTMLParagraphElement);
const problem = byId('problem', HTMLParagraphElement);

let announcements = 0;
/**
 * Says `message` in the polite live region (and clears any problem shown).
 * @param {string} message
 */
function announce(message) {
  problem.textContent = '';
  // emptied first, so that the same message twice is read out twice
  status.textContent = '';
  const n = ++announcements;
  setTimeout(() => n === announcements && (status.textContent = message), 50);
}

/**
 * Shows what went wrong; a refused token signs out.
 * @param {unknown} error
 */
function fail(error) {
  if (error instanceof AdminApiError && error.kind === 'unauthorized') return signOut(error.message);
  if (!(error instanceof AdminApiError)) console.error(error);
  announcements++;
  status.textContent = '';
  problem.textContent = error instanceof Error ? error.message : String(error);
}

const api = new AdminApi(() => sessionStorage.getItem(TOKEN_KEY));
/** @type {ViewContext} */
const ctx = { api, announce, fail };
const views = [new Inbox(ctx), new Surveys(ctx), new Moderation(ctx)];

/**
 * Forgets the token and everything shown; `refused` says why when the server refused the token.
 * @param {string} [refused]
 */
function signOut(refused) {
  sessionStorage.removeItem(TOKEN_KEY);
  for (const view of views) view.clear();
  sitePicker.replaceChildren();
  workspace.hidden = true;
  account.hidden = true;
  signInSection.hidden = false;
  tokenInput.value = '';
  tokenError.textContent = refused ?? '';
  tokenInput.setAttribute('aria-invalid', String(Boolean(refused)));
  problem.textContent = '';
  if (!refused) announce('Signed out.');
  focusOn(tokenInput);
}

/** With the token in sessionStorage: the sites, then the workspace. Resolves to whether it opened. */
async function open() {
  /** @type {{ items: Site[] }} */
  let sites;
  try {
    sites = await api.get('/sites');
  } catch (e) {
    if (e instanceof AdminApiError && e.kind === 'unauthorized') signOut(e.message);
    else {
      sessionStorage.removeItem(TOKEN_KEY);
      signInSection.hidden = false;
      tokenError.textContent = e instanceof Error ? e.message : String(e);
    }
    return false;
  }
  signInSection.hidden = true;
  tokenError.textContent = '';
  tokenInput.value = '';
  account.hidden = false;
  workspace.hidden = false;
  sitePicker.replaceChildren(...sites.items.map((s) => h('option', { value: s.key }, `${s.name} (${s.key})`)));
  const remembered = sessionStorage.getItem(SITE_KEY);
  if (remembered && sites.items.some((s) => s.key === remembered)) sitePicker.value = remembered;
  showSection(false);
  if (sites.items.length) loadSite();
  else fail(new Error('This server has no sites yet: create one with POST /admin/sites (see the server README).'));
  return true;
}

function loadSite() {
  sessionStorage.setItem(SITE_KEY, sitePicker.value);
  for (const view of views) view.load(sitePicker.value);
}

/**
 * Shows the section the URL's fragment names (the inbox by default).
 * @param {boolean} focus whether keyboard focus moves to its heading
 */
function showSection(focus) {
  const wanted = location.hash.slice(1);
  const current = SECTIONS.includes(wanted) ? wanted : 'inbox';
  for (const id of SECTIONS) byId(id, HTMLElement).hidden = id !== current;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === `#${current}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (focus) focusOn(byId(`${current}-title`, HTMLHeadingElement));
}

byId('sign-in-form', HTMLFormElement).addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (!token) {
    tokenError.textContent = 'Paste the admin token first.';
    tokenInput.setAttribute('aria-invalid', 'true');
    tokenInput.focus();
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  tokenInput.setAttribute('aria-invalid', 'false');
  if (await open()) {
    announce('Signed in.');
    focusOn(sitePicker);
  }
});
byId('sign-out', HTMLButtonElement).addEventListener('click', () => signOut());
sitePicker.addEventListener('change', () => {
  loadSite();
  announce(`Showing ${sitePicker.selectedOptions[0]?.textContent ?? sitePicker.value}.`);
});
window.addEventListener('hashchange', () => {
  status.textContent = '';
  showSection(true);
});

if (sessionStorage.getItem(TOKEN_KEY)) open();
else signInSection.hidden = false;
