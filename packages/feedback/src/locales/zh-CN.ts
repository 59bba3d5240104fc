import type { Message } from '@kith/ui';
import type { FeedbackStringKey } from '../strings.ts';

export default {
  feedback: '反馈',
  message: '您的反馈',
  topic: '主题',
  bug: '错误',
  idea: '建议',
  praise: '表扬',
  question: '疑问',
  rate: '您的评分',
  up: '好',
  down: '不好',
  email: '邮箱',
  emailOpt: '邮箱（可选）',
  badEmail: '请输入有效的邮箱地址。',
  sending: '正在发送…',
  thanks: '谢谢！',
  slow: '当前繁忙：已保存，将在{when}发送。',
  more: '继续反馈',
} satisfies Record<FeedbackStringKey, Message>;
