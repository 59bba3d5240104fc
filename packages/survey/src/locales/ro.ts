import type { Message } from '@kith/ui';
import type { SurveyStringKey } from '../strings.ts';

export default {
  survey: 'Sondaj',
  progress: 'Întrebarea {n} din {total}',
  optional: 'Opțional',
  low: 'Puțin probabil',
  high: 'Foarte probabil',
  thanks: 'Mulțumim!',
  thanksSent: 'Răspunsurile au fost trimise.',
  thanksQueued: 'Răspunsurile sunt salvate și vor fi trimise când reveniți online.',
} satisfies Record<SurveyStringKey, Message>;
