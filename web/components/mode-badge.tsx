import { useHealth } from '../hooks/use-health.js';

/** App-wide: whether answers come from search alone or from an LLM, per the server's /api/health. */
export function ModeBadge() {
  const health = useHealth();
  if (health.status === 'loading') {
    return (
      <span className="badge badge-muted" role="status">
        Checking server…
      </span>
    );
  }
  if (health.status === 'error') {
    return (
      <span className="mode-badge-error">
        <span className="badge badge-error" title={health.error.message}>
          Server unreachable
        </span>
        <button type="button" className="text-button" onClick={health.reload}>
          Check again
        </button>
      </span>
    );
  }
  const { mode, model, docs, chunks } = health.data;
  const corpus = `${docs} document${docs === 1 ? '' : 's'}, ${chunks} sections indexed`;
  if (mode === 'llm') {
    return (
      <span className="badge badge-llm" title={`Answers are written by ${model ?? 'an LLM'}. ${corpus}.`}>
        LLM mode · {model ?? 'unknown model'}
      </span>
    );
  }
  return (
    <span className="badge badge-search" title={`Answers are extracted from the guide by search. ${corpus}.`}>
      Search mode — no LLM configured
    </span>
  );
}
