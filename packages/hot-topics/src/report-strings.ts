// English strings of the report dialog, bundled with it (the other locales' are in locales/*.ts).
export const reportStrings = {
  reportTitle: 'Report this topic',
  reason: 'What is wrong with it?',
  spam: 'Spam',
  abuse: 'Abuse or harassment',
  'off-topic': 'Off-topic',
  note: 'Note for the moderators (optional)',
  cancel: 'Cancel',
  reported: 'Thank you. A moderator will look at this topic.',
};
