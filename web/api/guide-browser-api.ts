import type {
  CompareResponse,
  OutlineResponse,
  ShareCreatedResponse,
  ShareRequest,
  ShareResponse,
} from '../../server/contract.js';
import { ApiError, fetchJson } from './http-client.js';

export function fetchOutline(signal?: AbortSignal): Promise<OutlineResponse> {
  return fetchJson<OutlineResponse>('/api/outline', { signal: signal ?? null });
}

export function fetchCompare(signal?: AbortSignal): Promise<CompareResponse> {
  return fetchJson<CompareResponse>('/api/compare', { signal: signal ?? null });
}

export function createShare(snapshot: ShareRequest): Promise<ShareCreatedResponse> {
  return fetchJson<ShareCreatedResponse>('/api/shares', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(snapshot),
  });
}

export function fetchShare(id: string, signal?: AbortSignal): Promise<ShareResponse> {
  return fetchJson<ShareResponse>(`/api/shares/${encodeURIComponent(id)}`, { signal: signal ?? null });
}

/** Deletes a share with the token only its creator was given; 204 has no body to parse. */
export async function deleteShare(id: string, deleteToken: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/shares/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${deleteToken}` },
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok)
    throw new ApiError(response.status, `http_${response.status}`, `The server answered ${response.status}.`);
}
