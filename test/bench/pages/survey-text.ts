// The one survey every subject renders: one NPS question (0-10) and one optional text question.
export const TEXT = {
  nps: 'How likely are you to recommend Acme to a friend or colleague?',
  low: 'Not likely',
  high: 'Very likely',
  comment: 'What is the main reason for your score?',
  placeholder: 'Your answer',
};
