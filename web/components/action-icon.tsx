import type { ReactNode } from 'react';
import { PHONE_LAYOUT, useMediaQuery } from '../hooks/use-media-query.js';

/**
 * The answer actions' icons as inline SVG (stroke in the text colour): emoji and rare symbols render as
 * empty boxes where the reader's system lacks the font, and an icon button must never look blank.
 */
const PATHS = {
  copy: 'M9 9h10v10H9zM5 15V5h10',
  up: 'M7 11v9H4v-9zM7 11l4-7c1.5 0 2.5 1 2.2 2.6L12.6 10H18a2 2 0 0 1 2 2.3l-1.2 6A2 2 0 0 1 16.8 20H7',
  down: 'M7 13V4H4v9zM7 13l4 7c1.5 0 2.5-1 2.2-2.6L12.6 14H18a2 2 0 0 0 2-2.3l-1.2-6A2 2 0 0 0 16.8 4H7',
  regenerate: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  history: 'M12 7v5l3 2M4 12a8 8 0 1 0 2.3-5.7M4 3v4h4',
  browse: 'M4 5.5C6.5 4 9.5 4 12 6c2.5-2 5.5-2 8-.5V19c-2.5-1.5-5.5-1.5-8 .5-2.5-2-5.5-2-8-.5zM12 6v13.5',
  share: 'M12 15V3M7 8l5-5 5 5M5 13v7h14v-7',
  new: 'M12 5v14M5 12h14',
} as const;

export type ActionIconName = keyof typeof PATHS;

export function ActionIcon({ name }: { name: ActionIconName }) {
  return (
    <svg
      className="action-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/**
 * A header button's face: its words, and an icon that stands in for them where the header is too narrow for
 * words (phones); the words stay the button's accessible name either way.
 */
export function IconLabel({ name, children }: { name: ActionIconName; children: ReactNode }) {
  const phone = useMediaQuery(PHONE_LAYOUT);
  return phone ? (
    <>
      <ActionIcon name={name} />
      <span className="visually-hidden">{children}</span>
    </>
  ) : (
    children
  );
}
