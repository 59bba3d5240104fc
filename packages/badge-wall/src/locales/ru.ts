import type { Message } from '@kith/ui';
import type { BadgeWallStringKey } from '../strings.ts';

export default {
  me: 'Ваши значки',
  badges: 'Значки',
  board: 'Рейтинг',
  all: 'За всё время',
  count: 'Получено {n} из {total}',
  points: { one: '{n} балл', few: '{n} балла', many: '{n} баллов', other: '{n} балла' },
  holders: { one: 'Есть у {n} участника', few: 'Есть у {n} участников', many: 'Есть у {n} участников', other: 'Есть у {n} участника' },
  earned: 'Получен {date}',
  locked: 'Не получен',
  new: 'Новый',
  criteria: 'Как получить',
  rank: 'Место',
  member: 'Участник',
  score: 'Баллы',
  none: 'Значков пока нет.',
  nobody: 'В рейтинге пока никого нет.',
  missing: 'Войдите, чтобы увидеть свои значки.',
  expired: 'Сеанс истёк. Войдите снова.',
  invalid: 'Не удалось проверить вход. Войдите снова.',
  got: 'Получен новый значок: {name}',
} satisfies Record<BadgeWallStringKey, Message>;
