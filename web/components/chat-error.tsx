import { errorMessageFromBody } from '../api/http-client.js';

function describe(error: Error): string {
  const fromServer = errorMessageFromBody(error.message);
  if (fromServer) return fromServer;
  if (/fetch|network|load failed/i.test(error.message))
    return 'Could not reach the server. Check your connection.';
  return error.message || 'Something went wrong.';
}

/** A failed answer: what went wrong, and a way to try again. */
export function ChatError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div role="alert" className="error-box chat-error">
      <p>The answer failed: {describe(error)}</p>
      <button type="button" className="primary-button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
