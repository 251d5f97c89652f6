import { useEffect, useState, type ReactNode } from 'react';
import { CheckIcon, CopyIcon } from './icons.js';

type CopyState = 'idle' | 'copied' | 'failed';
const FEEDBACK_MS = 1600;
const FEEDBACK: Record<CopyState, string> = { idle: '', copied: 'Copied', failed: 'Copy failed' };

interface CopyButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy URL of XSUAA". */
  label: string;
  /** Visible text; without it the button is a bare icon. */
  text?: string;
}

export function CopyButton({ value, label, text }: CopyButtonProps): ReactNode {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async (): Promise<void> => {
    try {
      // navigator.clipboard exists only in secure contexts; 127.0.0.1 and Electron both qualify.
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className={`copy copy--${state}`}>
      <button
        type="button"
        className={text === undefined ? 'icon-button' : 'button'}
        onClick={() => void copy()}
        aria-label={label}
        title={label}
      >
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        {text}
      </button>
      <span className="copy__feedback" role="status">
        {FEEDBACK[state]}
      </span>
    </span>
  );
}
