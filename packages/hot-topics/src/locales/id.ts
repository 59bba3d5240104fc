import type { Message } from '@kith/ui';
import type { HotTopicsStringKey } from '../strings.ts';

export default {
  topics: 'Topik komunitas',
  filter: 'Saring menurut tag',
  all: 'Semua',
  fresh: '{n} topik baru',
  more: 'Muat lebih banyak',
  seeAll: 'Lihat semua di komunitas',
  empty: 'Belum ada topik.',
  pinned: 'Disematkan',
  promoted: 'Dipromosikan',
  vote: 'Beri suara',
  votes: '{n} suara',
  replies: '{n} balasan',
  tags: 'Tag',
  report: 'Laporkan',
  reportTitle: 'Laporkan topik ini',
  reason: 'Apa masalahnya?',
  spam: 'Spam',
  abuse: 'Pelecehan atau perundungan',
  'off-topic': 'Di luar topik',
  note: 'Catatan untuk moderator (opsional)',
  cancel: 'Batal',
  reported: 'Terima kasih. Moderator akan memeriksa topik ini.',
  voteFailed: 'Suara Anda tidak tercatat.',
} satisfies Record<HotTopicsStringKey, Message>;
