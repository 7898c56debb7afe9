import type { ReactNode } from 'react';

interface AppHeaderProps {
  /** What this page is or which mode the app runs in, shown beside the brand. */
  label: ReactNode;
  /** The page's buttons and links, at the far end. */
  children: ReactNode;
}

/** The bar every page shares: the brand (a link home), the page's label and its actions. */
export function AppHeader({ label, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <a className="brand" href="/">
        AIPM Guide
      </a>
      <div className="header-label">{label}</div>
      <div className="header-actions">{children}</div>
    </header>
  );
}
