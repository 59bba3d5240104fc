import { KithSurvey } from './survey.ts';

if (!customElements.get('kith-survey')) customElements.define('kith-survey', KithSurvey);
