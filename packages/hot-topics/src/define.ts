import { KithHotTopics } from './hot-topics.ts';

if (!customElements.get('kith-hot-topics')) customElements.define('kith-hot-topics', KithHotTopics);
