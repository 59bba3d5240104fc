// Sentry user feedback: @sentry/browser with feedbackIntegration, DSN on the local server.
// Its form has no NPS question: name, email and one message field, shown as a dialog.
import * as Sentry from '@sentry/browser';
import { TEXT } from './survey-text.ts';

Sentry.init({
  dsn: `http://public@${location.host}/1`,
  tracesSampleRate: 0,
  integrations: [Sentry.feedbackIntegration({ autoInject: false, colorScheme: 'light', enableScreenshot: false, showBranding: false })],
});

const forms = new Map();
async function mount(container) {
  // as close to the survey as its form goes: one text question, no name or email fields
  const form = await Sentry.getFeedback().createForm({
    formTitle: 'Feedback',
    messageLabel: TEXT.comment,
    messagePlaceholder: TEXT.placeholder,
    showName: false,
    showEmail: false,
  });
  forms.set(container, form);
  form.appendToDom();
  form.open();
}
function unmount(container) {
  const form = forms.get(container);
  forms.delete(container);
  form?.removeFromDom();
  container.remove();
}

window.__bench = { mount, unmount };
void mount(document.getElementById('slot'));
