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

/** Reads a JSON body; anything that is not JSON becomes a 400 or 415 instead of a 500. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw new AppError('unsupported_media_type', 'Content-Type must be application/json');
  }
  try {
    return await request.json();
  } catch {
    throw new AppError('bad_request', 'Body is not valid JSON');
  }
}
