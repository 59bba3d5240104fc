import type { Message } from '@kith/ui';
import type { BadgeWallStringKey } from '../strings.ts';

export default {
  me: 'Tus insignias',
  badges: 'Insignias',
  board: 'Clasificación',
  all: 'Histórico',
  count: '{n} de {total} obtenidas',
  points: { one: '{n} punto', other: '{n} puntos' },
  holders: { one: 'La tiene {n} miembro', other: 'La tienen {n} miembros' },
  earned: 'Obtenida el {date}',
  locked: 'Bloqueada',
  new: 'Nueva',
  criteria: 'Cómo conseguirla',
  rank: 'Puesto',
  member: 'Miembro',
  score: 'Puntos',
  none: 'Aún no hay insignias.',
  nobody: 'Aún no hay nadie en la clasificación.',
  missing: 'Inicia sesión para ver tus insignias.',
  expired: 'Tu sesión ha caducado. Vuelve a iniciar sesión.',
  invalid: 'No pudimos verificar tu sesión. Vuelve a iniciar sesión.',
  got: 'Nueva insignia obtenida: {name}',
} satisfies Record<BadgeWallStringKey, Message>;
