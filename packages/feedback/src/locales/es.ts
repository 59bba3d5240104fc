import type { Message } from '@kith/ui';
import type { FeedbackStringKey } from '../strings.ts';

export default {
  feedback: 'Comentarios',
  message: 'Tu comentario',
  topic: 'Tema',
  bug: 'Error',
  idea: 'Idea',
  praise: 'Elogio',
  question: 'Pregunta',
  rate: 'Tu valoración',
  up: 'Bien',
  down: 'Mal',
  email: 'Correo',
  emailOpt: 'Correo (opcional)',
  badEmail: 'Escribe un correo válido.',
  sending: 'Enviando…',
  thanks: '¡Gracias!',
  slow: 'Hay mucha demanda: guardado, se enviará {when}.',
  more: 'Enviar otro',
} satisfies Record<FeedbackStringKey, Message>;
