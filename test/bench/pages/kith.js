// Kith: <kith-survey> bundled from the workspace source, talking to the local server through the REST
// backend (`GET /v1/surveys/bench`), as a brand's page would talk to its own backend.
import '../../../packages/survey/src/define.ts';

function mount(container) {
  const el = document.createElement('kith-survey');
  el.setAttribute('survey', 'bench');
  el.setAttribute('site', 'bench');
  el.setAttribute('endpoint', `${location.origin}/kith`);
  el.setAttribute('eager', '');
  container.append(el);
}
function unmount(container) {
  container.remove();
}

window.__bench = { mount, unmount };
// The first survey is in the page's markup (the slot): nothing to mount here.
