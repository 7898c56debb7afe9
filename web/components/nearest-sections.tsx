import type { SearchResult } from '../../server/contract.js';
import { headingOf, sectionPath } from '../lib/chat-message.js';

/** For a question the guide does not cover: the closest sections, offered to read (not cited). */
export function NearestSections({
  nearest,
  onBrowse,
}: {
  nearest: SearchResult[];
  onBrowse: (id: string) => void;
}) {
  if (nearest.length === 0)
    return <p className="panel-hint">The guide has no section close to this question.</p>;
  return (
    <div className="nearest">
      <h3>Nearest sections in the guide</h3>
      <p className="panel-hint">
        Not cited — the answer could not be supported by the guide. These come closest:
      </p>
      <ul>
        {nearest.map((result) => (
          <li key={result.id}>
            <button type="button" className="nearest-link" onClick={() => onBrowse(result.id)}>
              <span className="card-path">{sectionPath(result.headings, result.docTitle)}</span>
              <span className="card-heading">{headingOf(result.headings, result.docTitle)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
