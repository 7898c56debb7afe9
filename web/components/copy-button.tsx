import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n.js';
import { ActionIcon } from './action-icon.js';

const RESET_AFTER_MS = 2000;

/** Copies the answer's clean text; says whether it worked (clipboard access can be denied). */
export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
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
      <button
        type="button"
        className="icon-action"
        aria-label={t('answer.copy')}
        title={t('answer.copy')}
        onClick={copy}
      >
        <ActionIcon name="copy" />
      </button>
      <span className="action-status" role="status">
        {result === 'copied' ? t('answer.copied') : result === 'failed' ? t('answer.copyFailed') : ''}
      </span>
    </>
  );
}
