import type { Message } from '@kith/ui';
import type { BadgeWallStringKey } from '../strings.ts';

export default {
  me: 'Ваши значки',
  badges: 'Значки',
  board: 'Рейтинг',
  all: 'За всё время',
  count: 'Получено {n} из {total}',
  points: { one: '{n} балл', few: '{n} балла', other: '{n} баллов' },
  holders: { one: 'Есть у {n} участника', other: 'Есть у {n} участников' },
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
  expired: 'Срок входа истёк. Войдите снова.',
  invalid: 'Не удалось проверить вход. Войдите снова.',
  got: 'Получен новый значок: {name}',
} satisfies Record<BadgeWallStringKey, Message>;
