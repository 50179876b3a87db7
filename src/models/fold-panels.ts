// The models page's device and storage panels folded into one line on a phone, so the list is not 1,500 px down.
import { html, type TemplateResult } from 'lit';
import { formatBytes } from '../ui/format-bytes.js';
import type { BudgetEstimate } from './gpu/memory-budget.js';
import { usableMB } from './gpu/plan-gpu-memory.js';
import type { DeviceCapabilities } from './gpu/probe-webgpu.js';

/**
 * `panels` inside a `<details>` whose summary says what they hold in brief: usable GPU memory (the
 * figure the cards' fit uses) and the bytes of models stored. `open` unfolds it from the start.
 */
export function foldPanels(
  panels: TemplateResult,
  data: { caps: DeviceCapabilities; budget: Pick<BudgetEstimate, 'budgetMB'>; modelBytes: number },
  open: boolean,
): TemplateResult {
  const gpu = data.caps.adapter
    ? `${Math.round(usableMB(data.budget.budgetMB))} MB usable`
    : 'no WebGPU';
  return html`<details class="panels" ?open=${open}>
    <summary>This device (${gpu}) and storage (${formatBytes(data.modelBytes)})</summary>
    ${panels}
  </details>`;
}
