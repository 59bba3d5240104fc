import { useRef, useState } from 'react';
import type { KithFeedback } from '@kith/feedback';

const LANGUAGES = { en: 'English', es: 'Español', ar: 'العربية' } as const;
type Language = keyof typeof LANGUAGES;

/** A settings page of a React app with the four Kith elements in it. */
export function App() {
  const [locale, setLocale] = useState<Language>('en');
  const [dark, setDark] = useState(false);
  const [events, setEvents] = useState<string[]>([]);
  const feedback = useRef<KithFeedback>(null);
  const note = (line: string) => setEvents((all) => [...all, line]);

  return (
    <div className={dark ? 'app dark' : 'app'}>
      <header>
        <h1>Your Lumen account</h1>
        <label>
          Language{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Language)}>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} /> Dark theme
        </label>
      </header>

      <main>
        <section>
          {/* Attributes (survey), properties (locale, theme), events (onkith-*) */}
          <kith-survey
            survey="demo-nps"
            locale={locale}
            theme={dark ? 'dark' : 'light'}
            onkith-survey-answer={(e) => note(`answered ${e.detail.questionId}`)}
            onkith-survey-complete={(e) => note(`survey complete: ${JSON.stringify(e.detail.answers)}`)}
          />

          <h2>Something to tell us?</h2>
          <p>
            <button type="button" onClick={() => (feedback.current?.prefill({ category: 'bug' }), feedback.current?.open())}>
              Report a bug
            </button>
          </p>
          <kith-feedback
            ref={feedback}
            categories="bug,idea,praise"
            locale={locale}
            theme={dark ? 'dark' : 'light'}
            onkith-feedback-sent={(e) => note(`feedback sent: ${e.detail.id}`)}
          />
        </section>

        <aside>
          <h2>Top this week</h2>
          <kith-hot-topics
            sort="top"
            period="week"
            limit={3}
            voting
            layout="compact"
            locale={locale}
            theme={dark ? 'dark' : 'light'}
            onkith-topic-vote={(e) => note(`vote ${e.detail.value ? 'for' : 'taken back from'} ${e.detail.topicId}`)}
          />
          <kith-badge-wall mode="leaderboard" period="month" limit={5} locale={locale} theme={dark ? 'dark' : 'light'} />

          <h2>Events</h2>
          <ol className="events" aria-live="polite" data-testid="events">
            {events.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </aside>
      </main>
    </div>
  );
}
