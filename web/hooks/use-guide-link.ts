import { createContext, useContext } from 'react';

/** Opens the guide browser at a section; null outside the chat page (the share page has no guide beside it). */
export const GuideLinkContext = createContext<((sectionId: string) => void) | null>(null);

/** How a component deep in the chat (a section's breadcrumb) opens the guide without props through every layer. */
export function useGuideLink(): ((sectionId: string) => void) | null {
  return useContext(GuideLinkContext);
}
