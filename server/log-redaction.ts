/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shapes a credential takes in provider error text, whatever the provider. */
const CREDENTIAL_SHAPES: Array<[RegExp, string]> = [
  // An echoed Authorization header, or any bearer / basic credential.
  [/\b(Bearer|Basic)(\s+)[A-Za-z0-9._~+/=-]{4,}/gi, `$1$2${REDACTED}`],
  // A key after its name: `api_key=…`, `"x-api-key": "…"`, `Authorization: …`, `token: …`.
  [
    /\b(api[-_ ]?key|x-api-key|authorization|access[-_]?token|secret|password|token)(\\?["']?\s*[:=]\s*\\?["']?)(?!Bearer\b|Basic\b)[^\s"'\\,;}]{4,}/gi,
    `$1$2${REDACTED}`,
  ],
  // Prefixed keys as providers issue them: sk-…, sk-proj-…, pk_live_…, gsk_…, AKIA….
  [/\b(?:sk|pk|rk|gsk|xai|key)[-_][A-Za-z0-9_-]{8,}/gi, REDACTED],
  [/\bAKIA[0-9A-Z]{16}\b/g, REDACTED],
];

/** Any long run of letters and digits is treated as a key, except a UUID (our request ids). */
const LONG_TOKEN =
  /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secrets from a serialized log line: every configured secret (as written and as JSON escapes it),
 * then anything bearer- or key-shaped. Runs on the whole line, so no field — nested or not — escapes it.
 */
export function createRedactor(secrets: Array<string | null | undefined>): (line: string) => string {
  const known = [
    ...new Set(secrets.filter((secret): secret is string => Boolean(secret && secret.length >= 4))),
  ]
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
    .sort((left, right) => right.length - left.length);
  const exact = known.length > 0 ? new RegExp(known.map(escapeRegExp).join('|'), 'g') : null;
  return (line) => {
    let redacted = exact ? line.replace(exact, REDACTED) : line;
    for (const [shape, replacement] of CREDENTIAL_SHAPES) redacted = redacted.replace(shape, replacement);
    return redacted.replace(LONG_TOKEN, (match) => (UUID.test(match) ? match : REDACTED));
  };
}

/** The password of a connection URL (postgres://user:password@host), which a driver error may repeat. */
export function urlPassword(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : null;
  } catch {
    return null;
  }
}
