export type PageName = 'chat' | 'insights' | 'share';

/** Which page a path shows; the server answers index.html for all, so unknown paths get the chat. */
export function pageFor(pathname: string): PageName {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/insights') return 'insights';
  return shareIdFor(path) === null ? 'chat' : 'share';
}

/** The share id of a `/s/<id>` path, else null. */
export function shareIdFor(pathname: string): string | null {
  return /^\/s\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname)?.[1] ?? null;
}
