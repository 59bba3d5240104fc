export * from './common.ts';
export * from './survey.ts';
export * from './feedback.ts';
export * from './topics.ts';
export * from './badges.ts';
export * from './events.ts';
