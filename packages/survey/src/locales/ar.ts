import type { Message } from '@kith/ui';
import type { SurveyStringKey } from '../strings.ts';

export default {
  survey: 'استبيان',
  progress: 'السؤال {n} من {total}',
  optional: 'اختياري',
  low: 'غير محتمل',
  high: 'محتمل جدًا',
  thanks: 'شكرًا لك!',
  thanksSent: 'تم إرسال إجاباتك.',
  thanksQueued: 'تم حفظ إجاباتك وستُرسل عند عودة الاتصال.',
} satisfies Record<SurveyStringKey, Message>;
