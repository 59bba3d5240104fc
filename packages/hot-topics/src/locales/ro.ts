import type { Message } from '@kith/ui';
import type { HotTopicsStringKey } from '../strings.ts';

export default {
  topics: 'Subiectele comunității',
  filter: 'Filtrează după etichetă',
  all: 'Toate',
  fresh: { one: '{n} subiect nou', few: '{n} subiecte noi', other: '{n} de subiecte noi' },
  more: 'Încarcă mai multe',
  seeAll: 'Vezi tot în comunitate',
  empty: 'Încă nu există subiecte.',
  pinned: 'Fixat',
  promoted: 'Promovat',
  vote: 'Votează pentru',
  votes: { one: '{n} vot', few: '{n} voturi', other: '{n} de voturi' },
  replies: { one: '{n} răspuns', few: '{n} răspunsuri', other: '{n} de răspunsuri' },
  tags: 'Etichete',
  report: 'Raportează',
  reportTitle: 'Raportează acest subiect',
  reason: 'Care este problema?',
  spam: 'Spam',
  abuse: 'Abuz sau hărțuire',
  'off-topic': 'În afara subiectului',
  note: 'Notă pentru moderatori (opțional)',
  cancel: 'Anulează',
  reported: 'Mulțumim. Un moderator va verifica acest subiect.',
  voteFailed: 'Votul dvs. nu a fost înregistrat.',
} satisfies Record<HotTopicsStringKey, Message>;
