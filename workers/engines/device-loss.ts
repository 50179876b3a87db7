// Notices when a GPU device created in this worker is lost (web-llm only logs it), and tells a real loss from Quorum's own unload.
import { ClassifiedFailure, classified, type ClassifiedError } from '../../src/shared/errors.js';

/** The parts of GPUAdapter's class the watch wraps; tests pass a fake one. */
export interface AdapterClass {
  prototype: { requestDevice(descriptor?: GPUDeviceDescriptor): Promise<GPUDevice> };
}

/** Watches the GPU devices this worker creates for loss (see watchDeviceLoss). */
export interface DeviceLossWatch {
  /** The first loss seen, classified ('out-of-memory' when an allocation failed just before); null until then. */
  readonly lost: ClassifiedError | null;
  /** Calls `listener` at the first loss (at once if there was one); returns the way to stop listening. */
  onLoss(listener: (loss: ClassifiedError) => void): () => void;
  /**
   * Runs one engine call (a load, a step of a generation). A GPU loss meanwhile ends it at once with
   * the loss (a ClassifiedFailure), whatever the engine throws afterwards or however long it hangs.
   */
  during<T>(run: () => Promise<T>): Promise<T>;
  /** Quorum is about to free its model: a device destroyed from now on is its own doing, not a loss. */
  unloading(): void;
  /** Puts GPUAdapter back as it was. */
  restore(): void;
}

function defaultAdapterClass(): AdapterClass | undefined {
  return typeof GPUAdapter === 'undefined' ? undefined : GPUAdapter;
}

function isOutOfMemory(error: GPUError | null): boolean {
  return error?.constructor.name === 'GPUOutOfMemoryError';
}

/**
 * Wraps `requestDevice`, the one place every device web-llm creates passes through. A device lost
 * for any reason counts, 'destroyed' included: tvmjs destroys the device itself when a buffer
 * cannot be allocated (tryCreateBuffer, lib/index.js line 4871), and web-llm unloads on any loss.
 * Only a device destroyed after `unloading()` is Quorum's own unload. The device's error scopes
 * are read on the way, so a loss that follows an out-of-memory error is reported as out-of-memory.
 */
export function watchDeviceLoss(adapterClass = defaultAdapterClass()): DeviceLossWatch {
  let lost: ClassifiedError | null = null;
  let unloading = false;
  let outOfMemory: string | null = null;
  const listeners = new Set<(loss: ClassifiedError) => void>();
  const lose = (loss: ClassifiedError) => {
    if (lost) return;
    lost = loss;
    for (const listener of [...listeners]) listener(loss);
  };
  const watch: DeviceLossWatch = {
    get lost() {
      return lost;
    },
    onLoss(listener) {
      if (lost) {
        listener(lost);
        return () => {};
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async during(run) {
      let stop = () => {};
      const ended = new Promise<never>((_, reject) => {
        stop = watch.onLoss((loss) => reject(new ClassifiedFailure(loss)));
      });
      ended.catch(() => undefined);
      try {
        return await Promise.race([run(), ended]);
      } catch (error) {
        // The engine's own error may arrive first: the loss is still what happened.
        throw lost ? new ClassifiedFailure(lost) : error;
      } finally {
        stop();
      }
    },
    unloading() {
      unloading = true;
    },
    restore() {},
  };
  if (!adapterClass) return watch;

  const prototype = adapterClass.prototype;
  const original = prototype.requestDevice;
  prototype.requestDevice = async function (
    this: GPUAdapter,
    descriptor?: GPUDeviceDescriptor,
  ): Promise<GPUDevice> {
    const device = await original.call(this, descriptor);
    const popErrorScope = device.popErrorScope.bind(device);
    device.popErrorScope = async () => {
      const error = await popErrorScope();
      if (isOutOfMemory(error)) outOfMemory ??= error?.message || 'out of memory';
      return error;
    };
    void device.lost.then((info) => {
      if (info.reason === 'destroyed' && unloading && !outOfMemory) return;
      const detail = `GPUDeviceLostInfo: Device was lost (${info.reason}): ${info.message}`;
      lose(
        outOfMemory
          ? classified('out-of-memory', `${detail}; after GPUOutOfMemoryError: ${outOfMemory}`)
          : classified('device-lost', detail),
      );
    });
    return device;
  };
  watch.restore = () => {
    prototype.requestDevice = original;
  };
  return watch;
}
