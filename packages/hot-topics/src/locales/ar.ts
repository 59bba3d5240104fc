import type { Message } from '@kith/ui';
import type { HotTopicsStringKey } from '../strings.ts';

export default {
  topics: 'مواضيع المجتمع',
  filter: 'تصفية حسب الوسم',
  all: 'الكل',
  fresh: { zero: 'لا مواضيع جديدة', one: 'موضوع جديد واحد', two: 'موضوعان جديدان', few: '{n} مواضيع جديدة', many: '{n} موضوعًا جديدًا', other: '{n} موضوع جديد' },
  more: 'تحميل المزيد',
  seeAll: 'عرض الكل في المجتمع',
  empty: 'لا توجد مواضيع بعد.',
  pinned: 'مثبّت',
  promoted: 'مُروَّج',
  vote: 'تصويت إيجابي',
  votes: { zero: 'لا أصوات', one: 'صوت واحد', two: 'صوتان', few: '{n} أصوات', many: '{n} صوتًا', other: '{n} صوت' },
  replies: { zero: 'لا ردود', one: 'رد واحد', two: 'ردّان', few: '{n} ردود', many: '{n} ردًا', other: '{n} رد' },
  tags: 'الوسوم',
  report: 'إبلاغ',
  reportTitle: 'الإبلاغ عن هذا الموضوع',
  reason: 'ما المشكلة فيه؟',
  spam: 'رسائل مزعجة',
  abuse: 'إساءة أو مضايقة',
  'off-topic': 'خارج الموضوع',
  note: 'ملاحظة للمشرفين (اختياري)',
  cancel: 'إلغاء',
  reported: 'شكرًا لك. سيراجع أحد المشرفين هذا الموضوع.',
  voteFailed: 'لم يُحتسب صوتك.',
} satisfies Record<HotTopicsStringKey, Message>;
