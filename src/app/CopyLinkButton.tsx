import { useState } from 'react';
import { translate } from '../i18n';
import { useAppStore } from '../state/store';

/** Copies the address (which holds the whole view) so it can be sent to a colleague. */
export function CopyLinkButton() {
  const lang = useAppStore((s) => s.lang);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (an insecure origin or a refused permission): offer the link to copy by hand.
      window.prompt(translate(lang, 'copyLink'), window.location.href);
    }
  };
  return (
    <button type="button" onClick={() => void copy()} data-testid="copy-link">
      {translate(lang, copied ? 'linkCopied' : 'copyLink')}
      <span className="visually-hidden" role="status">
        {copied ? translate(lang, 'linkCopied') : ''}
      </span>
    </button>
  );
}
