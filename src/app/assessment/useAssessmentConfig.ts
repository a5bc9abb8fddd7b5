import { useEffect, useState } from 'react';
import { parseAssessmentConfig, type AssessmentConfig } from '../../assessment/config';
import { fetchJson } from '../../data/http';

export type ConfigReading = { state: 'loading' } | { state: 'ready'; config: AssessmentConfig } | { state: 'broken'; problems: string[] };

let reading: Promise<ConfigReading> | null = null;

/** The assessment tables, read once from the app's own origin and checked: a broken file is shown, never half-used. */
function readConfig(): Promise<ConfigReading> {
  const base = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
  return fetchJson(`${base}/assessment.json`, 'assessment.json', { timeoutMs: 10_000 }).then((file): ConfigReading => {
    if (!file.ok) return { state: 'broken', problems: [file.error.message] };
    const parsed = parseAssessmentConfig(file.value);
    return parsed.ok ? { state: 'ready', config: parsed.config } : { state: 'broken', problems: parsed.problems };
  });
}

export function useAssessmentConfig(): ConfigReading {
  const [current, setCurrent] = useState<ConfigReading>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    reading ??= readConfig();
    void reading.then((r) => {
      if (r.state === 'broken') reading = null;
      if (live) setCurrent(r);
    });
    return () => {
      live = false;
    };
  }, []);
  return current;
}
