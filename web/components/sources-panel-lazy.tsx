import { type ComponentProps, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n.js';
import type * as Parts from './sources-panel-parts.js';

type Loaded = typeof Parts;

let loaded: Loaded | null = null;
let loading: Promise<void> | null = null;

/** Loads the panel's parts once; resolves when they render synchronously. */
export function preloadSourcesPanel(): Promise<void> {
  loading ??= import('./sources-panel-parts.js').then(
    (module) => {
      loaded = module;
    },
    () => {
      // A chunk that failed to load (a deploy replaced it, the network dropped) is tried again next time.
      loading = null;
    },
  );
  return loading;
}

// An empty chat has no sources to list and no section open: the source cards and the section view (with the
// section text it shares with the guide) load once the page is idle, off the first paint's path.
if (typeof window !== 'undefined') {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => void preloadSourcesPanel());
}

/** The parts once loaded; asks the module in an effect, as they may arrive between render and effect. */
function useParts(): Loaded | null {
  const [parts, setParts] = useState<Loaded | null>(() => loaded);
  useEffect(() => {
    if (parts) return;
    let mounted = true;
    void preloadSourcesPanel().then(() => {
      if (mounted && loaded) setParts(loaded);
    });
    return () => {
      mounted = false;
    };
  }, [parts]);
  return parts;
}

/** The answer's source cards, loaded on demand (rarely waited for, as they load at idle: nothing till then). */
export function AnswerSourceList(props: ComponentProps<Loaded['AnswerSourceList']>) {
  const parts = useParts();
  return parts ? <parts.AnswerSourceList {...props} /> : null;
}

/** `SectionView`, loaded on demand; until it is in the panel says the section is loading. */
export function SectionView(props: ComponentProps<Loaded['SectionView']>) {
  const { t } = useI18n();
  const parts = useParts();
  if (parts) return <parts.SectionView {...props} />;
  return (
    <section aria-label={t('section.label')} className="section-view">
      <p role="status">{t('section.loading')}</p>
    </section>
  );
}
