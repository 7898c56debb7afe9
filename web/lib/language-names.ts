/** Each language named in itself, so a reader who cannot read the current UI still finds their own. */
const NAMES: Record<string, string> = { zh: '中文', en: 'English' };

/** `zh-cn` → 中文, `en` → English; an unknown tag is shown as itself. */
export function languageName(tag: string): string {
  return NAMES[tag.toLowerCase().split(/[-_]/)[0] ?? ''] ?? tag;
}

/** The BCP 47 tag for a `lang` attribute from an edition's tag (`zh` → `zh-CN`). */
export function langAttribute(tag: string): string {
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? tag;
  return primary === 'zh' ? 'zh-CN' : primary;
}

/** The edition language of a document id (`guide.en` → `en`); null for a document without one. */
export function editionLanguage(docId: string): string | null {
  return /\.([a-z]{2}(?:[-_][a-z]+)?)$/i.exec(docId)?.[1]?.toLowerCase() ?? null;
}
