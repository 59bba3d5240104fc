import { KithFeedback } from './feedback.ts';

customElements.get('kith-feedback') || customElements.define('kith-feedback', KithFeedback);
