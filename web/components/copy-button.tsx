import { useEffect, useState } from 'react';

const RESET_AFTER_MS = 2000;

/** Copies the answer's text; says whether it worked (clipboard access can be denied). */
export function CopyButton({ text }: { text: string }) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (result === 'idle') return;
    const timer = setTimeout(() => setResult('idle'), RESET_AFTER_MS);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = () => {
    if (!navigator.clipboard) {
      setResult('failed');
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => setResult('copied'),
      () => setResult('failed'),
    );
  };

  return (
    <>
      <button type="button" className="text-button" onClick={copy}>
        Copy answer
      </button>
      <span className="action-status" role="status">
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : ''}
      </span>
    </>
  );
}
