import type { Message } from '@kith/ui';
import type { SurveyStringKey } from '../strings.ts';

export default {
  survey: 'Survei',
  progress: 'Pertanyaan {n} dari {total}',
  optional: 'Opsional',
  low: 'Kemungkinan kecil',
  high: 'Sangat mungkin',
  thanks: 'Terima kasih!',
  thanksSent: 'Jawaban Anda telah terkirim.',
  thanksQueued: 'Jawaban Anda tersimpan dan akan dikirim saat Anda kembali online.',
} satisfies Record<SurveyStringKey, Message>;
