import type { Message } from '@kith/ui';
import type { SurveyStringKey } from '../strings.ts';

export default {
  survey: '问卷',
  progress: '第 {n} 题，共 {total} 题',
  optional: '选填',
  low: '不太可能',
  high: '非常可能',
  thanks: '谢谢！',
  thanksSent: '您的回答已发送。',
  thanksQueued: '您的回答已保存，联网后将自动发送。',
} satisfies Record<SurveyStringKey, Message>;
