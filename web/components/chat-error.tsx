import { errorMessageFromBody } from '../api/http-client.js';
import { type I18n, useI18n } from '../lib/i18n.js';

function describe(error: Error, t: I18n['t']): string {
  const fromServer = errorMessageFromBody(error.message);
  if (fromServer) return fromServer;
  if (/fetch|network|load failed/i.test(error.message)) return t('error.network');
  return error.message || t('error.generic');
}

/** A failed answer: what went wrong, and a way to try again. */
export function ChatError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="error-box chat-error">
      <p>{t('error.failed', { reason: describe(error, t) })}</p>
      <button type="button" className="primary-button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
