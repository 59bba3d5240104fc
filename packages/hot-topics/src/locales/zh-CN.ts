import type { Message } from '@kith/ui';
import type { HotTopicsStringKey } from '../strings.ts';

export default {
  topics: '社区话题',
  filter: '按标签筛选',
  all: '全部',
  fresh: '{n} 个新话题',
  more: '加载更多',
  seeAll: '在社区查看全部',
  empty: '还没有话题。',
  pinned: '置顶',
  promoted: '推荐',
  vote: '赞同',
  votes: '{n} 票',
  replies: '{n} 条回复',
  tags: '标签',
  report: '举报',
  reportTitle: '举报此话题',
  reason: '有什么问题？',
  spam: '垃圾信息',
  abuse: '辱骂或骚扰',
  'off-topic': '偏离主题',
  note: '给版主的说明（可选）',
  cancel: '取消',
  reported: '谢谢。版主会查看此话题。',
  voteFailed: '您的投票未被计入。',
} satisfies Record<HotTopicsStringKey, Message>;
