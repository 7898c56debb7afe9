import type {
  CitationFlagsRequest,
  CitationFlagsResponse,
  FeedbackRequest,
  FeedbackResponse,
  HealthResponse,
  InsightsReport,
  SectionResponse,
} from '../../server/contract.js';
import { ApiError, fetchJson } from './http-client.js';

/** A warming server answers 503 with its health body: the guide is still loading, not unreachable. */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  try {
    return await fetchJson<HealthResponse>('/api/health', { signal: signal ?? null });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 503 || !error.body) throw error;
    const body = error.body as Partial<HealthResponse>;
    if (body.status !== 'warming') throw error;
    return body as HealthResponse;
  }
}

export function fetchSection(id: string, signal?: AbortSignal): Promise<SectionResponse> {
  return fetchJson<SectionResponse>(`/api/sections/${encodeURIComponent(id)}`, { signal: signal ?? null });
}

export function postFeedback(feedback: FeedbackRequest): Promise<FeedbackResponse> {
  return fetchJson<FeedbackResponse>('/api/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(feedback),
  });
}

/** Flags are stored apart from the answer's rating, so flagging never counts as a second 👎. */
export function postCitationFlags(flags: CitationFlagsRequest): Promise<CitationFlagsResponse> {
  return fetchJson<CitationFlagsResponse>('/api/feedback/flags', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(flags),
  });
}

export function fetchInsights(
  token: string | null,
  signal?: AbortSignal,
  range: { from: string | null; to: string | null } = { from: null, to: null },
): Promise<InsightsReport> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const query = params.size > 0 ? `?${params}` : '';
  return fetchJson<InsightsReport>(`/api/insights${query}`, { headers, signal: signal ?? null });
}
