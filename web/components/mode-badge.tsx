import type { HealthResponse } from '../../server/contract.js';
import { useHealth } from '../hooks/use-health.js';
import { useI18n } from '../lib/i18n.js';

/** Answers in a row that fell back for a model fault before the header says the model is down. */
const DEGRADED_AFTER = 2;

function Unreachable({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <span className="mode-badge-error">
      <span className="badge badge-error" title={message}>
        {t('mode.unreachable')}
      </span>
      <button type="button" className="text-button" onClick={onRetry}>
        {t('mode.checkAgain')}
      </button>
    </span>
  );
}

/** A server that answered: warming up, the model failing, LLM mode or search mode. */
function ServerMode({ health, modelFaults }: { health: HealthResponse; modelFaults: number }) {
  const { t } = useI18n();
  const { mode, model, docs, chunks } = health;
  const corpus = t('mode.corpus', { docs, chunks });
  if (health.status === 'warming') {
    return (
      <span className="badge badge-muted" role="status" title={t('mode.warmingTitle')}>
        {t('mode.warming')}
      </span>
    );
  }
  if (mode === 'llm' && modelFaults >= DEGRADED_AFTER) {
    return (
      <span
        className="badge badge-fallback"
        role="status"
        title={t('mode.degradedTitle', { count: modelFaults })}
      >
        {t('mode.degraded')}
      </span>
    );
  }
  if (mode === 'llm') {
    const name = model ?? t('mode.unknownModel');
    return (
      <span className="badge badge-llm" title={t('mode.llmTitle', { model: name, corpus })}>
        {t('mode.llm', { model: name })}
      </span>
    );
  }
  return (
    <span className="badge badge-search" title={t('mode.searchTitle', { corpus })}>
      {t('mode.search')}
    </span>
  );
}

/**
 * App-wide: whether answers come from search alone or from an LLM, per the server's /api/health; that the
 * guide is still warming up; after repeated model faults, that the model is currently unavailable.
 */
export function ModeBadge({ modelFaults = 0 }: { modelFaults?: number }) {
  const { t } = useI18n();
  const health = useHealth();
  if (health.status === 'loading') {
    return (
      <span className="badge badge-muted" role="status">
        {t('mode.checking')}
      </span>
    );
  }
  if (health.status === 'error')
    return <Unreachable message={health.error.message} onRetry={health.reload} />;
  return <ServerMode health={health.data} modelFaults={modelFaults} />;
}
