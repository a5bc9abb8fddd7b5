/**
 * Resolves in a task of its own, after whatever the page is doing now (a render, its effects)
 * has ended. A message to oneself, not a timer: browser tests that drive time with a fake clock
 * do not hold it back, and it does not wait for a frame.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
