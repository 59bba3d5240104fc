import type { Message } from '@kith/ui';
import type { HotTopicsStringKey } from '../strings.ts';

export default {
  topics: 'Темы сообщества',
  filter: 'Фильтр по тегу',
  all: 'Все',
  fresh: { one: '{n} новая тема', few: '{n} новые темы', many: '{n} новых тем', other: '{n} новой темы' },
  more: 'Показать ещё',
  seeAll: 'Смотреть всё в сообществе',
  empty: 'Тем пока нет.',
  pinned: 'Закреплено',
  promoted: 'Продвигается',
  vote: 'Голосовать за',
  votes: { one: '{n} голос', few: '{n} голоса', many: '{n} голосов', other: '{n} голоса' },
  replies: { one: '{n} ответ', few: '{n} ответа', many: '{n} ответов', other: '{n} ответа' },
  tags: 'Теги',
  report: 'Пожаловаться',
  reportTitle: 'Пожаловаться на тему',
  reason: 'Что с ней не так?',
  spam: 'Спам',
  abuse: 'Оскорбления или травля',
  'off-topic': 'Не по теме',
  note: 'Комментарий для модераторов (необязательно)',
  cancel: 'Отмена',
  reported: 'Спасибо. Модератор проверит эту тему.',
  voteFailed: 'Ваш голос не засчитан.',
} satisfies Record<HotTopicsStringKey, Message>;
