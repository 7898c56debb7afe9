import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Parses input against a contract schema; a mismatch becomes a 400 listing every problem. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  throw new AppError('bad_request', details[0] ?? 'Invalid request', details);
}

/** The media type of a Content-Type header, parameters dropped: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads a JSON body; anything that is not JSON becomes a 400 or 415 instead of a 500. Only the media type
 * `application/json` itself is accepted — `text/plain; x=application/json` is what a cross-site page can send
 * without a preflight.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (mediaType(request.headers.get('content-type')) !== 'application/json') {
    throw new AppError('unsupported_media_type', 'Content-Type must be application/json');
  }
  try {
    return await request.json();
  } catch {
    throw new AppError('bad_request', 'Body is not valid JSON');
  }
}
