import type { Message } from '@kith/ui';
import type { SurveyStringKey } from '../strings.ts';

export default {
  survey: 'Опрос',
  progress: 'Вопрос {n} из {total}',
  optional: 'Необязательно',
  low: 'Маловероятно',
  high: 'Очень вероятно',
  thanks: 'Спасибо!',
  thanksSent: 'Ваши ответы отправлены.',
  thanksQueued: 'Ваши ответы сохранены и будут отправлены, когда появится связь.',
} satisfies Record<SurveyStringKey, Message>;
