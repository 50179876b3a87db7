// Settings' servers in Chromium: the form speaks of servers, and a server saved without models says so and how to add them.
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/models/remote/quorum-endpoint-settings.js';
import type { EndpointRecord } from '../../../../src/models/remote/endpoint-record.js';
import type { EndpointStore } from '../../../../src/models/remote/endpoint-store.js';
import { deepQuery, shadowText } from '../../../support/shadow-text.js';

/** The store's part the section uses, in memory. */
class MemoryStore extends EventTarget {
  records: EndpointRecord[] = [];
  list(): Promise<EndpointRecord[]> {
    return Promise.resolve([...this.records]);
  }
  save(record: EndpointRecord): Promise<void> {
    this.records = [...this.records.filter((r) => r.id !== record.id), record];
    this.dispatchEvent(new Event('change'));
    return Promise.resolve();
  }
}

async function frames(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

function type(form: Element, id: string, value: string): void {
  const input = form.shadowRoot!.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function openForm() {
  const store = new MemoryStore();
  const element = document.createElement('quorum-endpoint-settings');
  element.store = store as unknown as EndpointStore;
  document.body.append(element);
  await element.updateComplete;
  button(element.shadowRoot!, 'Add a server').click();
  await element.updateComplete;
  const form = deepQuery(element, 'quorum-endpoint-form')!;
  await frames();
  return { store, element, form };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<quorum-endpoint-settings>', () => {
  it('calls a server a server in its form, its button included', async () => {
    const { form } = await openForm();
    expect(button(form.shadowRoot!, 'Add server')).toBeTruthy();
    expect(shadowText(form)).not.toMatch(/endpoint/i);
  });

  it('says a server saved without models joins no pool, and how to give it some', async () => {
    const { store, element, form } = await openForm();
    type(form, 'name', 'Home box');
    type(form, 'baseUrl', 'http://127.0.0.1:9/v1');
    await frames();
    button(form.shadowRoot!, 'Add server').click();
    await frames(6);
    expect(store.records.map((r) => r.models)).toEqual([[]]);
    const note = deepQuery(element, '[data-testid="endpoint-saved-note"]')?.textContent ?? '';
    expect(note).toContain('“Home box” is saved without models, so it cannot join a pool yet.');
    expect(note).toMatch(/load them from the server .* type their names/);
  });
});
