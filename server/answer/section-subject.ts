import type { OutlineEntry, SectionResponse } from '../contract.js';
import { headingTopic } from '../retrieval/markdown.js';
import type { Retriever } from '../retrieval/types.js';
import { plainText } from './markdown-units.js';

/** What a section is about, read from the document's heading structure. */
export interface SectionSubject {
  /** Heading path (H1 first) of the thing the section speaks of. */
  path: string[];
  /** The last heading of `path`, without numbering or markup. */
  label: string;
  /** The document outline the subject lives in, for finding its sub-sections. */
  outline: OutlineEntry[];
}

/** A heading as a reader names it: no "3." or "一、", no Markdown. */
export function headingName(heading: string): string {
  return headingTopic(plainText(heading)).trim();
}

function ownName(entry: Pick<OutlineEntry, 'headings'>): string {
  return headingName(entry.headings.at(-1) ?? '');
}

function parentKey(entry: Pick<OutlineEntry, 'headings'>): string {
  return entry.headings.slice(0, -1).join('\u0000');
}

/**
 * True when the section's own heading recurs under a sibling parent (every method has its "Cost"): then the
 * section is one aspect of its parent, and the parent is what it is about.
 */
export function isAspectSection(
  section: Pick<SectionResponse, 'headings'>,
  outline: OutlineEntry[],
): boolean {
  if (section.headings.length < 3) return false;
  const name = ownName(section);
  const parent = parentKey(section);
  return outline.some(
    (entry) =>
      entry.headings.length === section.headings.length &&
      parentKey(entry) !== parent &&
      ownName(entry) === name,
  );
}

/** The subject of one section: its parent when it is an aspect of it, else the section itself. */
export function sectionSubject(section: SectionResponse): SectionSubject {
  const outline = section.document.outline;
  const path = isAspectSection(section, outline) ? section.headings.slice(0, -1) : section.headings;
  return { path, label: headingName(path.at(-1) ?? section.docTitle), outline };
}

/** Distinct subjects of the given sections, in order; ids the index does not hold are skipped. */
export function subjectsOf(retriever: Retriever, sectionIds: string[]): SectionSubject[] {
  const subjects = new Map<string, SectionSubject>();
  for (const id of sectionIds) {
    const section = retriever.section(id);
    if (!section) continue;
    const subject = sectionSubject(section);
    const key = `${section.docId}\u0000${subject.path.join('\u0000')}`;
    if (!subjects.has(key)) subjects.set(key, subject);
  }
  return [...subjects.values()];
}

/** The sections under a subject (not the subject itself), as outline entries. */
export function subSections(subject: SectionSubject): OutlineEntry[] {
  const depth = subject.path.length;
  return subject.outline.filter(
    (entry) =>
      entry.headings.length > depth &&
      subject.path.every((heading, index) => entry.headings[index] === heading),
  );
}

/** True when a section lies under (or is) the subject. */
export function isWithinSubject(subject: SectionSubject, headings: string[]): boolean {
  return subject.path.every((heading, index) => headings[index] === heading);
}
