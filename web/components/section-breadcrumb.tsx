import type { SectionResponse } from '../../server/contract.js';
import { useGuideLink } from '../hooks/use-guide-link.js';
import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';
import { GuideCrumb } from './guide-crumb.js';

interface SectionBreadcrumbProps {
  section: SectionResponse;
  onBrowse: (sectionId: string) => void;
}

function sameHeadings(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((heading, index) => heading === b[index]);
}

/** Document › H2 › H3 …; ancestors that are sections of their own can be opened. */
export function SectionBreadcrumb({ section, onBrowse }: SectionBreadcrumbProps) {
  const { t } = useI18n();
  const crumbs = section.headings.map((heading, index) => {
    const path = section.headings.slice(0, index + 1);
    const entry = section.document.outline.find((candidate) => sameHeadings(candidate.headings, path));
    return { heading, sectionId: entry?.id, current: index === section.headings.length - 1 };
  });
  const showTitle = section.headings[0] !== section.document.title;
  const openGuide = useGuideLink();

  return (
    <nav
      aria-label={t('section.breadcrumb')}
      className="breadcrumb"
      lang={langTag(section.headings.join(' '))}
    >
      <ol>
        {showTitle && <li>{section.document.title}</li>}
        {crumbs.map((crumb, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: headings may repeat; position identifies them.
          <li key={index} aria-current={crumb.current ? 'location' : undefined}>
            {crumb.sectionId && !crumb.current ? (
              <button type="button" className="link-button" onClick={() => onBrowse(crumb.sectionId ?? '')}>
                {crumb.heading}
              </button>
            ) : (
              crumb.heading
            )}
          </li>
        ))}
      </ol>
      {openGuide && <GuideCrumb onOpen={() => openGuide(section.id)} />}
    </nav>
  );
}
