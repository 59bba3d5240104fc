// One module per protocol area, each validating with its own schemas, so a widget's chunk carries only
// the schemas of the calls it uses (the survey never ships the badge schemas).
export * from './calls/survey.ts';
export * from './calls/feedback.ts';
export * from './calls/topics.ts';
export * from './calls/badges.ts';
