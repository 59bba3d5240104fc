import type { Message } from '@kith/ui';
import type { BadgeWallStringKey } from '../strings.ts';

export default {
  me: 'Insignele dvs.',
  badges: 'Insigne',
  board: 'Clasament',
  all: 'Dintotdeauna',
  count: '{n} din {total} obținute',
  points: { one: '{n} punct', few: '{n} puncte', other: '{n} de puncte' },
  holders: { one: 'O are {n} membru', few: 'O au {n} membri', other: 'O au {n} de membri' },
  earned: 'Obținută pe {date}',
  locked: 'Blocată',
  new: 'Nouă',
  criteria: 'Cum o obțineți',
  rank: 'Loc',
  member: 'Membru',
  score: 'Puncte',
  none: 'Nicio insignă încă.',
  nobody: 'Nimeni nu este încă în clasament.',
  missing: 'Conectați-vă pentru a vă vedea insignele.',
  expired: 'Sesiunea a expirat. Conectați-vă din nou.',
  invalid: 'Nu am putut verifica sesiunea. Conectați-vă din nou.',
  got: 'Insignă nouă obținută: {name}',
} satisfies Record<BadgeWallStringKey, Message>;
