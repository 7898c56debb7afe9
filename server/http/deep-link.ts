/**
 * The web UI's link to one section: `<base>/?section=<id>`. Every channel that hands out citations (the
 * OpenAI-compatible face, MCP) builds its links here, and the web UI opens the section from this URL.
 */
export function sectionUrl(base: string, sectionId: string): string {
  return `${base.replace(/\/+$/, '')}/?section=${encodeURIComponent(sectionId)}`;
}

/** Where links point: the configured public base URL, else the origin the request came in on. */
export function linkBase(publicBaseUrl: string | null, requestUrl: string): string {
  return publicBaseUrl ?? new URL(requestUrl).origin;
}
