// PostHog surveys: posthog-js from npm, pointed at the local server, which mocks PostHog's API
// (remote config, flags, /api/surveys) and serves posthog-js's own lazily loaded surveys.js.
// Analytics it does not need are switched off, which only makes it lighter.
import posthog from 'posthog-js';

const host = location.origin + '/posthog';
posthog.init('phc_bench', {
  api_host: host,
  autocapture: false,
  capture_pageview: false,
  capture_pageleave: false,
  disable_session_recording: true,
  disable_surveys: false,
  persistence: 'memory',
  advanced_disable_toolbar_metrics: true,
});

let n = 0;
function mount(container) {
  if (!container.id) container.id = `ph-${++n}`;
  posthog.displaySurvey('bench', { displayType: 'inline', selector: `#${container.id}`, ignoreConditions: true, ignoreDelay: true });
}
function unmount(container) {
  container.remove();
}

let loaded = false;
const queue = [];
window.__bench = {
  mount: (c) => (loaded ? mount(c) : queue.push(c)),
  unmount,
};
posthog.onSurveysLoaded(() => {
  if (loaded) return;
  loaded = true;
  for (const c of queue.splice(0)) mount(c);
});
window.__bench.mount(document.getElementById('slot'));
