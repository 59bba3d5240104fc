export { KithSurvey, type SurveyDisplay, type SurveyEventDetail } from './survey.ts';
export { parseTrigger, armTrigger, type Trigger } from './trigger.ts';
export { nextQuestion, matches, problem, isEmpty } from './logic.ts';
export { surveyStrings, surveyLocales } from './strings.ts';
