import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../lib/i18n.js';

interface InsightsTokenFormProps {
  rejected: boolean;
  onSubmit: (token: string) => void;
}

/** Asks for the admin token the server requires for insights; it is kept for this tab only. */
export function InsightsTokenForm({ rejected, onSubmit }: InsightsTokenFormProps) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() !== '') onSubmit(token.trim());
  };
  return (
    <form className="token-form" onSubmit={submit} aria-label={t('insights.signIn')}>
      <p>{t('insights.signInHint')}</p>
      {rejected && (
        <p role="alert" className="error-text">
          {t('insights.tokenRejected')}
        </p>
      )}
      <label htmlFor={inputId}>{t('insights.token')}</label>
      <input
        id={inputId}
        type="password"
        autoComplete="current-password"
        value={token}
        onChange={(event) => setToken(event.target.value)}
      />
      <button type="submit" className="primary-button" disabled={token.trim() === ''}>
        {t('insights.show')}
      </button>
    </form>
  );
}
