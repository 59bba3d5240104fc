import type { Message } from '@kith/ui';
import type { SurveyStringKey } from '../strings.ts';

export default {
  survey: 'Encuesta',
  progress: 'Pregunta {n} de {total}',
  optional: 'Opcional',
  low: 'Poco probable',
  high: 'Muy probable',
  thanks: '¡Gracias!',
  thanksSent: 'Tus respuestas se enviaron.',
  thanksQueued: 'Tus respuestas están guardadas y se enviarán cuando vuelvas a tener conexión.',
} satisfies Record<SurveyStringKey, Message>;
