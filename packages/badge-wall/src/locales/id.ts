import type { Message } from '@kith/ui';
import type { BadgeWallStringKey } from '../strings.ts';

export default {
  me: 'Lencana Anda',
  badges: 'Lencana',
  board: 'Papan peringkat',
  all: 'Sepanjang waktu',
  count: '{n} dari {total} diraih',
  points: '{n} poin',
  holders: 'Dimiliki {n} anggota',
  earned: 'Diraih pada {date}',
  locked: 'Terkunci',
  new: 'Baru',
  criteria: 'Cara meraihnya',
  rank: 'Peringkat',
  member: 'Anggota',
  score: 'Poin',
  none: 'Belum ada lencana.',
  nobody: 'Belum ada yang masuk papan peringkat.',
  missing: 'Masuk untuk melihat lencana Anda.',
  expired: 'Sesi masuk Anda telah berakhir. Silakan masuk lagi.',
  invalid: 'Sesi masuk Anda tidak dapat diverifikasi. Silakan masuk lagi.',
  got: 'Lencana baru diraih: {name}',
} satisfies Record<BadgeWallStringKey, Message>;
