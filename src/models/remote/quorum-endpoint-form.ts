// Adds or edits one OpenAI-compatible endpoint: name, base URL, optional key, and its models (listed by the server or typed).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../ui/shared-styles.js';
import { visitorMessage, type ClassifiedError } from '../../shared/errors.js';
import '../quorum-model-error.js';
import {
  endpointProblems,
  newEndpointId,
  normaliseBaseUrl,
  parseTypedModels,
  type EndpointInput,
  type EndpointRecord,
} from './endpoint-record.js';
import { listModels } from './endpoint-check.js';
import type { EndpointStore } from './endpoint-store.js';
import { needsReload } from './policy-sync.js';
import { endpointFormStyles } from './endpoint-form-styles.js';
import { countOf } from '../../shared/count.js';

type Problems = Partial<Record<keyof EndpointInput, string>>;

/**
 * `<quorum-endpoint-form>`: Adds or edits one OpenAI-compatible endpoint: name, base URL, optional key, and
 * its models (listed by the server or typed). Properties: `store`, `editing`. Fires `endpoint-saved`.
 */
@customElement('quorum-endpoint-form')
export class QuorumEndpointForm extends LitElement {
  static override styles = [sharedStyles, endpointFormStyles];

  @property({ attribute: false }) store: EndpointStore | undefined;
  /** The endpoint being edited; null adds a new one. */
  @property({ attribute: false }) editing: EndpointRecord | null = null;

  @state() private name = '';
  @state() private baseUrl = '';
  @state() private apiKey = '';
  @state() private listed: string[] | null = null;
  @state() private picked = new Set<string>();
  @state() private typed = '';
  @state() private problems: Problems = {};
  @state() private listError: ClassifiedError | null = null;
  @state() private note = '';
  @state() private busy = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('editing')) return;
    const record = this.editing;
    this.name = record?.name ?? '';
    this.baseUrl = record?.baseUrl ?? '';
    this.apiKey = record?.apiKey ?? '';
    this.listed = record?.modelsFrom === 'listed' ? [...record.models] : null;
    this.picked = new Set(record?.modelsFrom === 'listed' ? record.models : []);
    this.typed = record?.modelsFrom === 'typed' ? record.models.join('\n') : '';
    this.problems = {};
    this.listError = null;
    this.note = '';
  }

  override render() {
    const p = this.problems;
    return html`<form novalidate @submit=${this.save}>
      ${this.field(
        'name',
        'Name',
        html`<input
          id="name"
          .value=${this.name}
          maxlength="60"
          autocomplete="off"
          aria-describedby=${this.describedBy('name', false)}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
        />`,
        'Answers from this server are labelled with it.',
      )}
      ${this.field(
        'baseUrl',
        'Base URL',
        html`<input
          id="baseUrl"
          .value=${this.baseUrl}
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          placeholder="http://localhost:11434/v1"
          aria-describedby=${this.describedBy('baseUrl', true)}
          @input=${(e: Event) => (this.baseUrl = (e.target as HTMLInputElement).value)}
        />`,
        'The OpenAI-compatible API, usually ending in /v1.',
      )}
      ${this.field(
        'apiKey',
        'API key (optional)',
        html`<input
          id="apiKey"
          type="password"
          .value=${this.apiKey}
          autocomplete="off"
          aria-describedby=${this.describedBy('apiKey', true)}
          @input=${(e: Event) => (this.apiKey = (e.target as HTMLInputElement).value)}
        />`,
        'Kept only in this browser’s storage, never in exports unless you ask.',
      )}
      <fieldset>
        <legend>Models</legend>
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.load}>
            Load the server’s models
          </button>
        </div>
        ${
          this.listError
            ? html`<quorum-model-error
                .error=${this.listError}
                fallbackHeading="The models could not be listed"
              ></quorum-model-error>`
            : nothing
        }
        ${this.listed ? this.renderListed(this.listed) : nothing}
        <div class="field">
          <label for="typed">Or type model names, one per line</label>
          <textarea
            id="typed"
            rows="2"
            .value=${this.typed}
            spellcheck="false"
            aria-describedby=${this.describedBy('models', false)}
            @input=${(e: Event) => (this.typed = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        ${p.models ? html`<p class="problem" id="models-problem">${p.models}</p>` : nothing}
      </fieldset>
      <p role="status" class="hint">${this.note}</p>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>
          ${this.editing ? 'Save changes' : 'Add server'}
        </button>
        <button
          type="button"
          class="secondary"
          @click=${() => this.dispatchEvent(new Event('cancel'))}
        >
          Cancel
        </button>
      </div>
    </form>`;
  }

  /** The ids of the hint and problem shown for a field (none: the attribute is left out). */
  private describedBy(key: keyof EndpointInput, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${key}-hint` : '', this.problems[key] ? `${key}-problem` : '']
      .filter(Boolean)
      .join(' ');
    return ids || nothing;
  }

  private field(key: keyof EndpointInput, label: string, control: unknown, hint = '') {
    const problem = this.problems[key];
    return html`<div class="field">
      <label for=${key}>${label}</label>
      ${control} ${hint ? html`<p class="hint muted" id=${`${key}-hint`}>${hint}</p>` : nothing}
      ${problem ? html`<p class="problem" id=${`${key}-problem`}>${problem}</p>` : nothing}
    </div>`;
  }

  private renderListed(models: string[]) {
    if (models.length === 0) return html`<p class="hint">The server lists no models.</p>`;
    return html`<ul aria-label="Models the server lists">
      ${models.map(
        (model) =>
          html`<li>
            <label
              ><input
                type="checkbox"
                .checked=${this.picked.has(model)}
                @change=${(e: Event) => this.pick(model, (e.target as HTMLInputElement).checked)}
              />${model}</label
            >
          </li>`,
      )}
    </ul>`;
  }

  private pick(model: string, on: boolean): void {
    const picked = new Set(this.picked);
    if (on) picked.add(model);
    else picked.delete(model);
    this.picked = picked;
  }

  private readonly load = async (): Promise<void> => {
    const base = normaliseBaseUrl(this.baseUrl);
    if ('problem' in base) {
      this.problems = { ...this.problems, baseUrl: base.problem };
      return;
    }
    this.problems = { ...this.problems, baseUrl: undefined };
    if (await needsReload(base.url)) {
      this.note =
        'Quorum may connect to this server only after it reloads with the server saved (its security policy is fixed when a page loads). Add the server now, reload, then load its models.';
      return;
    }
    this.busy = true;
    this.note = 'Asking the server for its models…';
    const listing = await listModels({
      name: this.name.trim() || base.url,
      baseUrl: base.url,
      apiKey: this.apiKey || null,
    });
    this.busy = false;
    if (listing.ok) {
      this.listError = null;
      this.listed = listing.models;
      if (this.picked.size === 0) this.picked = new Set(listing.models);
      this.note = listedNote(listing.models.length, listing.leftOut);
    } else {
      this.listError = listing.error;
      this.note = listing.noRoute
        ? 'This server has no model list: type the model names below.'
        : '';
    }
  };

  private readonly save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const typed = parseTypedModels(this.typed);
    const listedPicked = (this.listed ?? []).filter((m) => this.picked.has(m));
    const models = [...new Set([...listedPicked, ...typed])];
    const input = { name: this.name, baseUrl: this.baseUrl, apiKey: this.apiKey, models };
    this.problems = endpointProblems(input);
    const base = normaliseBaseUrl(this.baseUrl);
    if (Object.keys(this.problems).length > 0 || 'problem' in base || !this.store) return;
    const now = Date.now();
    const record: EndpointRecord = {
      id: this.editing?.id ?? newEndpointId(),
      name: this.name.trim(),
      baseUrl: base.url,
      apiKey: this.apiKey.trim() || null,
      models,
      modelsFrom: typed.length > 0 && listedPicked.length === 0 ? 'typed' : 'listed',
      createdAt: this.editing?.createdAt ?? now,
      updatedAt: now,
    };
    this.busy = true;
    try {
      await this.store.save(record);
      this.dispatchEvent(new CustomEvent<EndpointRecord>('endpoint-saved', { detail: record }));
    } catch (error) {
      this.note = `The server could not be saved. ${visitorMessage(error, 'Try again, or reload the page.')}`;
    } finally {
      this.busy = false;
    }
  };
}

/** What the server's list gave, and how many of its names were not offered and why. */
function listedNote(offered: number, leftOut: number): string {
  const listed = `The server lists ${countOf(offered, 'model')}`;
  if (leftOut === 0) return `${listed}.`;
  return `${listed} Quorum can offer; ${leftOut} more ${leftOut === 1 ? 'was' : 'were'} left out: names longer than 200 characters or holding control or text-direction characters (and any past the first 500).`;
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-endpoint-form': QuorumEndpointForm;
  }
}
