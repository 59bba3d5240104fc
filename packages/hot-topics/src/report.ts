// The report dialog: loaded on the first "Report" press, so the feed's own chunk stays small.
import { css, html, nothing } from 'lit';
import { newId, type KithClient, type ReportReason, type Topic } from '@kith/client';
import { report } from '@kith/client/topics';
import { DialogController, choiceList, textField, type KithElement } from '@kith/ui';

// The feed adds these English strings to its table when it loads this chunk.
import { reportStrings } from './report-strings.ts';

/** The dialog's styles, added to the feed's shadow root when this chunk loads. */
const reportStyles = css`
  dialog {
    padding: var(--_space);
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  .actions,
  .head {
    display: flex;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .head {
    justify-content: space-between;
  }
  .close {
    margin: -0.5rem;
  }
  .actions {
    flex-wrap: wrap;
    justify-content: end;
  }
`;

const REASONS: ReportReason[] = ['spam', 'abuse', 'off-topic', 'other'];

interface Draft {
  topic: Topic;
  /** One id per report, so a retried one is counted once. */
  id: string;
  reason?: ReportReason;
  note: string;
  missing?: boolean;
  sending?: boolean;
  error?: string;
}

/** A modal dialog with reasons and an optional note; delivers through the outbox and says how it went. */
export class TopicReport {
  #host: KithElement;
  #client: KithClient;
  #done: (topicId: string, notice: string) => void;
  #draft?: Draft;
  #dialog: DialogController;

  constructor(host: KithElement, client: KithClient, done: (topicId: string, notice: string) => void) {
    this.#host = host;
    this.#client = client;
    this.#done = done;
    this.#dialog = new DialogController(host, () => host.renderRoot.querySelector('dialog'), () => this.close());
    host.adopt(reportStyles, reportStrings);
  }

  open(topic: Topic): void {
    this.#draft = { topic, id: newId(), note: '' };
    this.#host.requestUpdate();
    void this.#dialog.show(true);
  }

  close(): void {
    this.#dialog.hide();
    this.#draft = undefined;
    this.#host.requestUpdate();
  }

  #set(change: Partial<Draft>) {
    Object.assign(this.#draft!, change);
    this.#host.requestUpdate();
  }

  #submit = async (e: Event) => {
    e.preventDefault();
    const d = this.#draft;
    const host = this.#host;
    if (!d || d.sending) return;
    if (!d.reason) {
      this.#set({ missing: true });
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>('dialog input')?.focus();
      return;
    }
    const note = d.note.trim() || undefined;
    if (!host.emit('kith-topic-report', { topicId: d.topic.id, reason: d.reason, ...(note && { note }) })) return this.close();
    this.#set({ sending: true, error: undefined });
    this.#client.track('report', 'hot-topics', d.topic.id);
    const r = await report(this.#client, d.topic.id, { id: d.id, reason: d.reason, note });
    if (this.#draft !== d) return;
    if (r.state === 'rejected') return this.#set({ sending: false, error: host.errorText(r.error) });
    this.close();
    this.#done(d.topic.id, host.t(r.state === 'sent' ? 'reported' : 'queued'));
  };

  render() {
    const d = this.#draft;
    if (!d) return nothing;
    const t = (key: string, vars?: Record<string, number>) => this.#host.t(key, vars);
    return html`<dialog part="dialog" aria-labelledby="report-title" @keydown=${this.#dialog.keydown} @cancel=${this.#dialog.cancel}>
      <form novalidate @submit=${this.#submit}>
        <div class="head">
          <h2 id="report-title">${t('reportTitle')}</h2>
          <button type="button" class="btn ghost icon close" aria-label=${t('close')} @click=${() => this.close()}>×</button>
        </div>
        <p class="muted" dir="auto">${d.topic.title}</p>
        ${choiceList({
          name: 'reason',
          label: t('reason'),
          choices: REASONS.map((id) => ({ id, label: t(id) })),
          selected: d.reason ? [d.reason] : [],
          invalid: d.missing,
          describedBy: d.missing ? 'reason-msg' : undefined,
          onChange: (s) => this.#set({ reason: s[0] as ReportReason, missing: false }),
        })}
        ${d.missing ? html`<p class="msg" id="reason-msg">${t('required')}</p>` : nothing}
        ${textField({
          id: 'note',
          label: t('note'),
          value: d.note,
          multiline: true,
          maxLength: 1000,
          counter: (n) => t('left', { n }),
          onInput: (note) => this.#set({ note }),
        })}
        ${d.error ? html`<p class="msg" role="alert">${d.error}</p>` : nothing}
        <div class="actions">
          <button type="button" class="btn" @click=${() => this.close()}>${t('cancel')}</button>
          <button class="btn primary" part="submit" ?disabled=${d.sending}>${t('report')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
