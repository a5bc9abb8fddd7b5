import { useEffect, useState } from 'react';

/**
 * The answer to a question asked once per key (null: nothing to ask): the previous question is
 * cancelled when the key changes, and an answer to an older key is never returned.
 */
export function useKeyedAnswer<T>(key: string | null, ask: (signal: AbortSignal) => Promise<T>): T | undefined {
  const [answered, setAnswered] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    void ask(controller.signal).then((value) => {
      if (!controller.signal.aborted) setAnswered({ key, value });
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `ask` is a new closure each render; the key names the question
  }, [key]);
  return key !== null && answered?.key === key ? answered.value : undefined;
}
