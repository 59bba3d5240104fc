export {
  KithHotTopics,
  type TopicLayout,
  type TopicOpenDetail,
  type TopicVoteDetail,
  type TopicReportDetail,
} from './hot-topics.ts';
export { TopicFeed, safeHref, splitTags, ordered, ago } from './feed.ts';
export { applyEvent } from './live.ts';
export { hotTopicsStrings, hotTopicsLocales } from './strings.ts';
