import type { Message } from '@kith/ui';
import type { BadgeWallStringKey } from '../strings.ts';

export default {
  me: 'شاراتك',
  badges: 'الشارات',
  board: 'لوحة المتصدرين',
  all: 'كل الأوقات',
  count: 'حصلت على {n} من {total}',
  points: { zero: '{n} نقطة', one: 'نقطة واحدة', two: 'نقطتان', few: '{n} نقاط', many: '{n} نقطة', other: '{n} نقطة' },
  holders: { zero: 'لا يملكها أي عضو', one: 'يملكها عضو واحد', two: 'يملكها عضوان', few: 'يملكها {n} أعضاء', many: 'يملكها {n} عضوًا', other: 'يملكها {n} عضو' },
  earned: 'حصلت عليها في {date}',
  locked: 'مقفلة',
  new: 'جديدة',
  criteria: 'كيف تحصل عليها',
  rank: 'الترتيب',
  member: 'العضو',
  score: 'النقاط',
  none: 'لا توجد شارات بعد.',
  nobody: 'لا أحد في لوحة المتصدرين بعد.',
  missing: 'سجّل الدخول لرؤية شاراتك.',
  expired: 'انتهت صلاحية تسجيل دخولك. يُرجى تسجيل الدخول مجددًا.',
  invalid: 'تعذّر التحقق من تسجيل دخولك. يُرجى تسجيل الدخول مجددًا.',
  got: 'حصلت على شارة جديدة: {name}',
} satisfies Record<BadgeWallStringKey, Message>;
