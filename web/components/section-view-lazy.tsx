import { type ComponentProps, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n.js';
import type { SectionView as LoadedView } from './section-view.js';

type ViewComponent = typeof LoadedView;

let loaded: ViewComponent | null = null;
let loading: Promise<void> | null = null;

/** Loads the section view once; resolves when `SectionView` renders it synchronously. */
export function preloadSectionView(): Promise<void> {
  loading ??= import('./section-view.js').then(
    (module) => {
      loaded = module.SectionView;
    },
    () => {
      // A chunk that failed to load (a deploy replaced it, the network dropped) is tried again next time.
      loading = null;
    },
  );
  return loading;
}

// An empty chat opens no section: the view (and the section text it shares with the guide) loads once the
// page is idle, off the first paint's path, long before a reader can click a citation.
if (typeof window !== 'undefined') {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => void preloadSectionView());
}

/** `SectionView`, loaded on demand; until it is in (rarely: it loads at idle) the panel says it is loading. */
export function SectionView(props: ComponentProps<ViewComponent>) {
  const { t } = useI18n();
  const [View, setView] = useState<ViewComponent | null>(() => loaded);
  useEffect(() => {
    if (View) return;
    let mounted = true;
    void preloadSectionView().then(() => {
      if (mounted && loaded) setView(() => loaded);
    });
    return () => {
      mounted = false;
    };
  }, [View]);
  if (View) return <View {...props} />;
  return (
    <section aria-label={t('section.label')} className="section-view">
      <p role="status">{t('section.loading')}</p>
    </section>
  );
}
