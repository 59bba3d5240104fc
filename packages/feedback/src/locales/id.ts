import type { Message } from '@kith/ui';
import type { FeedbackStringKey } from '../strings.ts';

export default {
  feedback: 'Masukan',
  message: 'Masukan Anda',
  topic: 'Topik',
  bug: 'Bug',
  idea: 'Ide',
  praise: 'Pujian',
  question: 'Pertanyaan',
  rate: 'Penilaian Anda',
  up: 'Baik',
  down: 'Buruk',
  email: 'Email',
  emailOpt: 'Email (opsional)',
  badEmail: 'Masukkan email yang valid.',
  sending: 'Mengirim…',
  thanks: 'Terima kasih!',
  slow: 'Sedang sibuk: tersimpan, akan dikirim {when}.',
  more: 'Kirim lagi',
} satisfies Record<FeedbackStringKey, Message>;
