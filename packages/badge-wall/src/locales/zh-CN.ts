import type { Message } from '@kith/ui';
import type { BadgeWallStringKey } from '../strings.ts';

export default {
  me: '我的徽章',
  badges: '徽章',
  board: '排行榜',
  all: '总榜',
  count: '已获得 {n}/{total}',
  points: '{n} 积分',
  holders: '{n} 位成员已获得',
  earned: '获得于 {date}',
  locked: '未解锁',
  new: '新',
  criteria: '获得方式',
  rank: '排名',
  member: '成员',
  score: '积分',
  none: '暂无徽章。',
  nobody: '排行榜暂时为空。',
  missing: '登录后即可查看您的徽章。',
  expired: '登录已过期，请重新登录。',
  invalid: '无法验证您的登录，请重新登录。',
  got: '获得新徽章：{name}',
} satisfies Record<BadgeWallStringKey, Message>;
