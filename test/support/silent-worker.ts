// A worker that ends without a word: holds its life lock as Quorum's workers do, then closes itself.

/**
 * Says 'alive' once it holds the lock named `name` (see src/shared/alive-lock.ts), then closes itself
 * as soon as a call of method `dieOn` has come (see src/shared/port-messages.ts): no error event, no
 * answer. Only the released lock tells the page it ended, so a test using it times out if the page
 * does not watch the lock.
 */
export function silentWorker(name: string, dieOn: string): Worker {
  const source = `
    let held = false;
    let asked = false;
    const die = () => { if (held && asked) close(); };
    navigator.locks.request(self.name, () => {
      held = true;
      postMessage({ type: 'alive' });
      die();
      return new Promise(() => {});
    });
    onmessage = (event) => {
      if (event.data.type === 'call' && event.data.method === ${JSON.stringify(dieOn)}) {
        asked = true;
        die();
      }
    };`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { name });
}
