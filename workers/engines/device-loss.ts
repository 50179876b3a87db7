// Notices when a GPU device created in this worker is lost, which web-llm only logs.
/**
 * web-llm creates its GPUDevice internally and, on loss, logs and unloads without telling the
 * caller. Wrapping `GPUAdapter.prototype.requestDevice` is the one place every device passes
 * through, so the worker can report 'device-lost' to the page. Returns a function that restores it.
 */
export function watchDeviceLoss(onLost: (message: string) => void): () => void {
  if (typeof GPUAdapter === 'undefined') return () => {};
  const original = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (
    this: GPUAdapter,
    descriptor?: GPUDeviceDescriptor,
  ): Promise<GPUDevice> {
    const device = await original.call(this, descriptor);
    void device.lost.then((info) => {
      // 'destroyed' is web-llm's own unload; anything else is a real loss.
      if (info.reason !== 'destroyed')
        onLost(`GPUDeviceLostInfo: Device was lost (${info.reason}): ${info.message}`);
    });
    return device;
  };
  return () => {
    GPUAdapter.prototype.requestDevice = original;
  };
}
