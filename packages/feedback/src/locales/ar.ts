import type { Message } from '@kith/ui';
import type { FeedbackStringKey } from '../strings.ts';

export default {
  feedback: 'ملاحظات',
  message: 'ملاحظاتك',
  topic: 'الموضوع',
  bug: 'خلل',
  idea: 'فكرة',
  praise: 'إشادة',
  question: 'سؤال',
  rate: 'تقييمك',
  up: 'جيد',
  down: 'سيئ',
  email: 'البريد الإلكتروني',
  emailOpt: 'البريد الإلكتروني (اختياري)',
  badEmail: 'أدخل بريدًا إلكترونيًا صالحًا.',
  sending: 'جارٍ الإرسال…',
  thanks: 'شكرًا لك!',
  slow: 'الخادم مشغول الآن: تم الحفظ، وسيُرسل {when}.',
  more: 'أرسل المزيد',
} satisfies Record<FeedbackStringKey, Message>;
