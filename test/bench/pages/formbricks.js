// Formbricks: @formbricks/surveys renders a survey object inline (Preact), no server involved.
// (@formbricks/js, the current SDK, downloads its renderer from the Formbricks app at run time.)
import { renderSurveyInline } from '@formbricks/surveys';
import { TEXT } from './survey-text.ts';

const survey = {
  id: 'bench',
  name: 'Bench',
  type: 'link',
  status: 'inProgress',
  autoClose: null,
  redirectUrl: null,
  styling: {},
  triggers: [],
  inlineTriggers: null,
  welcomeCard: { enabled: false },
  thankYouCard: { enabled: true, headline: 'Thank you!', subheader: '' },
  questions: [
    { id: 'nps', type: 'nps', headline: TEXT.nps, lowerLabel: TEXT.low, upperLabel: TEXT.high, required: true },
    { id: 'comment', type: 'openText', headline: TEXT.comment, placeholder: TEXT.placeholder, required: false, inputType: 'text', longAnswer: true },
  ],
};

let n = 0;
function mount(container) {
  if (!container.id) container.id = `fb-${++n}`;
  renderSurveyInline({
    survey,
    brandColor: '#4f46e5',
    isBrandingEnabled: false,
    containerId: container.id,
    onDisplay() {},
    onResponse() {},
    onClose() {},
    onFinished() {},
  });
}
// Formbricks has no unmount call: the container leaves the page.
function unmount(container) {
  container.remove();
}

window.__bench = { mount, unmount };
mount(document.getElementById('slot'));
