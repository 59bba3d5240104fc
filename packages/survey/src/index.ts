export { KithSurvey, type SurveyDisplay, type SurveyEventDetail } from './survey.ts';
export { parseTrigger, type Trigger } from './trigger.ts';
export { armTrigger } from './arm-trigger.ts';
export { nextQuestion, matches, problem, isEmpty } from './logic.ts';
export { surveyStrings, surveyLocales } from './strings.ts';
