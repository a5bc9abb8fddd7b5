/**
 * Wraps an async computation so only the newest request matters: while one runs, later requests
 * wait in a single slot (a newer one replaces an older one, which resolves to null), and a result
 * that is already stale when it arrives also resolves to null. Dragging a time range therefore
 * never queues up work for ranges the user has already left.
 */
export function latestOnly<A, R>(run: (args: A) => Promise<R>): (args: A) => Promise<R | null> {
  let running = false;
  let newest = 0;
  let waiting: { id: number; args: A; resolve: (r: R | null) => void; reject: (e: unknown) => void } | null = null;

  const start = (id: number, args: A, resolve: (r: R | null) => void, reject: (e: unknown) => void) => {
    running = true;
    run(args).then(
      (result) => {
        resolve(id === newest ? result : null);
        next();
      },
      (error) => {
        reject(error);
        next();
      },
    );
  };
  const next = () => {
    running = false;
    if (!waiting) return;
    const w = waiting;
    waiting = null;
    start(w.id, w.args, w.resolve, w.reject);
  };

  return (args) =>
    new Promise<R | null>((resolve, reject) => {
      const id = ++newest;
      if (!running) return start(id, args, resolve, reject);
      waiting?.resolve(null);
      waiting = { id, args, resolve, reject };
    });
}
