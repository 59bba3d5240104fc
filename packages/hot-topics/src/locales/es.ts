import type { Message } from '@kith/ui';
import type { HotTopicsStringKey } from '../strings.ts';

export default {
  topics: 'Temas de la comunidad',
  filter: 'Filtrar por etiqueta',
  all: 'Todos',
  fresh: { one: '{n} tema nuevo', other: '{n} temas nuevos' },
  more: 'Cargar más',
  seeAll: 'Ver todo en la comunidad',
  empty: 'Todavía no hay temas.',
  pinned: 'Fijado',
  promoted: 'Destacado',
  vote: 'Votar a favor',
  votes: { one: '{n} voto', other: '{n} votos' },
  replies: { one: '{n} respuesta', other: '{n} respuestas' },
  tags: 'Etiquetas',
  report: 'Denunciar',
  reportTitle: 'Denunciar este tema',
  reason: '¿Qué problema tiene?',
  spam: 'Spam',
  abuse: 'Abuso o acoso',
  'off-topic': 'Fuera de tema',
  note: 'Nota para los moderadores (opcional)',
  cancel: 'Cancelar',
  reported: 'Gracias. Un moderador revisará este tema.',
  voteFailed: 'Tu voto no se contó.',
} satisfies Record<HotTopicsStringKey, Message>;
