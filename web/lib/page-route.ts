export type PageName = 'chat' | 'insights';

/** Which page a path shows; the server answers index.html for both, so unknown paths get the chat. */
export function pageFor(pathname: string): PageName {
  return pathname.replace(/\/+$/, '') === '/insights' ? 'insights' : 'chat';
}
