import type { Message } from '@kith/ui';
import type { FeedbackStringKey } from '../strings.ts';

export default {
  feedback: 'Feedback',
  message: 'Părerea dvs.',
  topic: 'Subiect',
  bug: 'Eroare',
  idea: 'Idee',
  praise: 'Laudă',
  question: 'Întrebare',
  rate: 'Evaluarea dvs.',
  up: 'Bine',
  down: 'Rău',
  email: 'E-mail',
  emailOpt: 'E-mail (opțional)',
  badEmail: 'Introduceți un e-mail valid.',
  sending: 'Se trimite…',
  thanks: 'Mulțumim!',
  slow: 'Serverul e ocupat acum: mesajul e salvat și se va trimite {when}.',
  more: 'Trimite altul',
} satisfies Record<FeedbackStringKey, Message>;
