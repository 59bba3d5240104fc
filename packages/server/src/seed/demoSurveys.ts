import type { Survey } from '@kith/client/protocol';

/** An optional long-text follow-up in en and es; `thenEnd` jumps past the other follow-ups. */
const followUp = (id: string, [en, es]: [string, string], [hintEn, hintEs]: [string, string], thenEnd: boolean): Survey['questions'][number] => ({
  id,
  type: 'text',
  required: false,
  multiline: true,
  maxLength: 1000,
  text: { en, es },
  placeholder: { en: hintEn, es: hintEs },
  ...(thenEnd ? { logic: [{ op: 'answered', goto: 'end' }, { op: 'skipped', goto: 'end' }] } : {}),
});

/**
 * `demo-nps`: an NPS question, then one follow-up whose wording depends on the score
 * (skip logic: 0-6 → `detractor`, 7-8 → `passive`, 9-10 → `promoter`), then the end.
 */
export const demoNps: Survey = {
  id: 'demo-nps',
  version: 1,
  title: { en: 'Quick question', es: 'Una pregunta rápida' },
  defaultLocale: 'en',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      required: true,
      text: {
        en: 'How likely are you to recommend Lumen to a friend or colleague?',
        es: '¿Qué probabilidad hay de que recomiendes Lumen a un amigo o colega?',
      },
      lowLabel: { en: 'Not at all likely', es: 'Nada probable' },
      highLabel: { en: 'Extremely likely', es: 'Muy probable' },
      logic: [
        { op: 'lte', value: 6, goto: 'detractor' },
        { op: 'lte', value: 8, goto: 'passive' },
        { op: 'gte', value: 9, goto: 'promoter' },
      ],
    },
    followUp('detractor', ["We're sorry to hear that. What disappointed you most?", 'Lamentamos oírlo. ¿Qué es lo que más te ha decepcionado?'], ['Tell us what went wrong', 'Cuéntanos qué salió mal'], true),
    followUp('passive', ['Thanks! What one thing would make Lumen a 10 for you?', '¡Gracias! ¿Qué cambiarías para que Lumen fuera un 10 para ti?'], ['One improvement', 'Una mejora'], true),
    followUp('promoter', ['Wonderful! What do you love most about Lumen?', '¡Genial! ¿Qué es lo que más te gusta de Lumen?'], ['Your favourite part', 'Lo que más te gusta'], false),
  ],
  display: { mode: 'inline', trigger: 'immediate' },
  thankYou: {
    title: { en: 'Thank you!', es: '¡Gracias!' },
    body: { en: 'Your answer helps us decide what to build next.', es: 'Tu respuesta nos ayuda a decidir qué construir.' },
    link: { url: 'https://community.lumen.example/', label: { en: 'Visit the community', es: 'Visita la comunidad' } },
  },
};

/** `demo-product`: one question of every type. */
export const demoProduct: Survey = {
  id: 'demo-product',
  version: 1,
  title: { en: 'Help us shape Lumen', es: 'Ayúdanos a mejorar Lumen' },
  defaultLocale: 'en',
  questions: [
    {
      id: 'recommend',
      type: 'nps',
      required: true,
      text: { en: 'How likely are you to recommend Lumen?', es: '¿Qué probabilidad hay de que recomiendes Lumen?' },
      lowLabel: { en: 'Not likely', es: 'Poco probable' },
      highLabel: { en: 'Very likely', es: 'Muy probable' },
    },
    {
      id: 'ease',
      type: 'rating',
      style: 'stars',
      scale: 5,
      required: true,
      text: { en: 'How easy is Lumen to use?', es: '¿Qué tan fácil es usar Lumen?' },
      lowLabel: { en: 'Very hard', es: 'Muy difícil' },
      highLabel: { en: 'Very easy', es: 'Muy fácil' },
    },
    {
      id: 'mood',
      type: 'rating',
      style: 'emoji',
      scale: 5,
      required: true,
      text: { en: 'How do you feel about the latest update?', es: '¿Qué te parece la última actualización?' },
    },
    {
      id: 'role',
      type: 'single',
      required: true,
      other: true,
      text: { en: 'What best describes you?', es: '¿Qué te describe mejor?' },
      choices: [
        { id: 'hobbyist', label: { en: 'Hobbyist', es: 'Aficionado' } },
        { id: 'professional', label: { en: 'Professional photographer', es: 'Fotógrafo profesional' } },
        { id: 'student', label: { en: 'Student', es: 'Estudiante' } },
        { id: 'educator', label: { en: 'Teacher or educator', es: 'Profesor o formador' } },
      ],
    },
    {
      id: 'features',
      type: 'multiple',
      required: true,
      min: 1,
      max: 3,
      text: { en: 'Which features do you use most? Pick up to three.', es: '¿Qué funciones usas más? Elige hasta tres.' },
      description: { en: 'Pick at least one.', es: 'Elige al menos una.' },
      choices: [
        { id: 'presets', label: { en: 'Presets', es: 'Ajustes preestablecidos' } },
        { id: 'masking', label: { en: 'Masking', es: 'Máscaras' } },
        { id: 'batch', label: { en: 'Batch editing', es: 'Edición por lotes' } },
        { id: 'denoise', label: { en: 'AI denoise', es: 'Reducción de ruido con IA' } },
        { id: 'export', label: { en: 'Export queue', es: 'Cola de exportación' } },
        { id: 'sync', label: { en: 'Cloud sync', es: 'Sincronización en la nube' } },
      ],
    },
    {
      id: 'one-word',
      type: 'text',
      required: true,
      maxLength: 40,
      text: { en: 'Describe Lumen in one word.', es: 'Describe Lumen en una palabra.' },
      placeholder: { en: 'One word', es: 'Una palabra' },
    },
    {
      id: 'improve',
      type: 'text',
      required: false,
      multiline: true,
      maxLength: 2000,
      text: { en: 'What should we improve next?', es: '¿Qué deberíamos mejorar ahora?' },
      placeholder: { en: 'Anything goes', es: 'Lo que quieras' },
    },
    {
      id: 'beta',
      type: 'yesno',
      required: true,
      text: { en: 'Would you like to join the beta program?', es: '¿Te gustaría unirte al programa beta?' },
    },
  ],
  display: { mode: 'inline', trigger: 'immediate' },
  thankYou: {
    title: { en: 'Thanks for your time!', es: '¡Gracias por tu tiempo!' },
    body: { en: 'We read every answer.', es: 'Leemos todas las respuestas.' },
  },
};
