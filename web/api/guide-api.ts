import type {
  FeedbackRequest,
  FeedbackResponse,
  HealthResponse,
  InsightsResponse,
  SectionResponse,
} from '../../server/contract.js';
import { fetchJson } from './http-client.js';

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return fetchJson<HealthResponse>('/api/health', { signal: signal ?? null });
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

export function fetchInsights(token: string | null, signal?: AbortSignal): Promise<InsightsResponse> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return fetchJson<InsightsResponse>('/api/insights', { headers, signal: signal ?? null });
}
