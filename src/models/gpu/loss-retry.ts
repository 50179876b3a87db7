// Pure: what the registry does once after a model lost the GPU, decided by the planner's retry helper.
import { planGpuMemory, retryPlanAfterDeviceLoss, type PlannedModel } from './plan-gpu-memory.js';

export type LossRetry =
  /** Load the same weights with a shorter context (the "-1k" builds share the weights' files). */
  | { action: 'smaller-variant'; modelId: string }
  /** Others were resident: this model should run alone, in a later stage (the caller's plan decides). */
  | { action: 'sequential' }
  | { action: 'give-up'; reason: string };

export function decideLossRetry(
  lost: PlannedModel,
  resident: readonly PlannedModel[],
  smallerVariant: (id: string) => PlannedModel | null,
): LossRetry {
  // One stage holding everything that was on the GPU when it was lost, as the planner would have run it.
  const all = [lost, ...resident];
  const total = all.reduce((sum, model) => sum + model.vramMB, 0);
  const plan = planGpuMemory(all, total, { headroomFraction: 0 });
  const decision = retryPlanAfterDeviceLoss(plan, 0, smallerVariant);
  switch (decision.action) {
    case 'sequential':
      return { action: 'sequential' };
    case 'smaller-variant':
      return { action: 'smaller-variant', modelId: decision.replaced.to };
    case 'give-up':
      return { action: 'give-up', reason: decision.reason };
  }
}
