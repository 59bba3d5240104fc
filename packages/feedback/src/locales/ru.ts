import type { Message } from '@kith/ui';
import type { FeedbackStringKey } from '../strings.ts';

export default {
  feedback: 'Обратная связь',
  message: 'Ваш отзыв',
  topic: 'Тема',
  bug: 'Ошибка',
  idea: 'Идея',
  praise: 'Похвала',
  question: 'Вопрос',
  rate: 'Ваша оценка',
  up: 'Хорошо',
  down: 'Плохо',
  email: 'Эл. почта',
  emailOpt: 'Эл. почта (необязательно)',
  badEmail: 'Введите правильный адрес почты.',
  sending: 'Отправка…',
  thanks: 'Спасибо!',
  slow: 'Сейчас много запросов: сохранено, отправим {when}.',
  more: 'Написать ещё',
} satisfies Record<FeedbackStringKey, Message>;
