import type { ReactNode } from 'react';
import { translate, type Lang } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';

/** One list of the early warnings: its title, the rule it applies in words, and what it found (or that it found nothing). */
export function WarningSection(props: { lang: Lang; testid: string; total: number; title: MessageKey; rule: MessageKey; none: MessageKey; children: ReactNode }) {
  const { lang, testid, total, title, rule, none, children } = props;
  return (
    <div data-testid={testid} data-total={total}>
      <h4 title={translate(lang, rule)}>{translate(lang, title)}</h4>
      <p className="warnings__rule">{translate(lang, rule)}</p>
      {total === 0 ? <p className="warnings__none">{translate(lang, none)}</p> : children}
    </div>
  );
}
