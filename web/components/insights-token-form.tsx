import { type FormEvent, useId, useState } from 'react';

interface InsightsTokenFormProps {
  rejected: boolean;
  onSubmit: (token: string) => void;
}

/** Asks for the admin token the server requires for insights; it is kept for this tab only. */
export function InsightsTokenForm({ rejected, onSubmit }: InsightsTokenFormProps) {
  const [token, setToken] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() !== '') onSubmit(token.trim());
  };
  return (
    <form className="token-form" onSubmit={submit} aria-label="Admin sign-in">
      <p>Insights are for administrators. Enter the admin token configured on the server.</p>
      {rejected && (
        <p role="alert" className="error-text">
          That token was not accepted.
        </p>
      )}
      <label htmlFor={inputId}>Admin token</label>
      <input
        id={inputId}
        type="password"
        autoComplete="current-password"
        value={token}
        onChange={(event) => setToken(event.target.value)}
      />
      <button type="submit" className="primary-button" disabled={token.trim() === ''}>
        Show insights
      </button>
    </form>
  );
}
