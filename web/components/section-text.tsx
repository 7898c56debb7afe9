import { Fragment, type ReactNode } from 'react';
import type { TextSpan } from '../../server/contract.js';
import { splitAtHighlights } from '../lib/highlight-ranges.js';
import { type InlineRun, type MarkdownBlock, parseMarkdownBlocks } from '../lib/markdown-blocks.js';
import { langTag } from '../lib/text-language.js';

interface SectionTextProps {
  text: string;
  /** Sorted, merged spans of `text` to wrap in <mark>. */
  highlights: TextSpan[];
  /** Spans among the highlights to mark strongly: those the clicked marker's sentence rests on. */
  strong?: TextSpan[];
}

const NONE: TextSpan[] = [];

function isStrong(start: number, end: number, strong: TextSpan[]): boolean {
  return strong.some((span) => span.start < end && span.end > start);
}

interface RunsProps {
  text: string;
  runs: InlineRun[];
  highlights: TextSpan[];
  strong: TextSpan[];
}

function Runs({ text, runs, highlights, strong }: RunsProps) {
  return runs.map((run) => {
    const pieces = splitAtHighlights(run.start, run.end, highlights).map((piece) => {
      const content = text.slice(piece.start, piece.end);
      return piece.marked ? (
        <mark
          key={piece.start}
          className={isStrong(piece.start, piece.end, strong) ? 'is-strong' : undefined}
        >
          {content}
        </mark>
      ) : (
        <Fragment key={piece.start}>{content}</Fragment>
      );
    });
    if (run.style === 'strong') return <strong key={run.start}>{pieces}</strong>;
    if (run.style === 'code') return <code key={run.start}>{pieces}</code>;
    return <Fragment key={run.start}>{pieces}</Fragment>;
  });
}

type Group = { kind: 'table' | 'list'; blocks: MarkdownBlock[] } | { kind: 'single'; block: MarkdownBlock };

function groupBlocks(blocks: MarkdownBlock[]): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const groupKind = block.kind === 'table-row' ? 'table' : block.kind === 'bullet' ? 'list' : null;
    const last = groups[groups.length - 1];
    if (groupKind && last?.kind === groupKind) last.blocks.push(block);
    else if (groupKind) groups.push({ kind: groupKind, blocks: [block] });
    else groups.push({ kind: 'single', block });
  }
  return groups;
}

interface Marks {
  highlights: TextSpan[];
  strong: TextSpan[];
}

function renderBlock(block: MarkdownBlock, text: string, marks: Marks): ReactNode {
  const key = block.start;
  const runs = (inline: InlineRun[]) => <Runs text={text} runs={inline} {...marks} />;
  switch (block.kind) {
    case 'heading':
      return (
        <p key={key} className={`md-heading md-h${block.depth}`}>
          {runs(block.runs)}
        </p>
      );
    case 'bullet':
      return (
        <li key={key} style={{ marginInlineStart: `${block.indent * 1.25}em` }}>
          {runs(block.runs)}
        </li>
      );
    case 'quote':
      return <blockquote key={key}>{runs(block.runs)}</blockquote>;
    case 'paragraph':
      return <p key={key}>{runs(block.runs)}</p>;
    case 'table-row': {
      const Cell = block.header ? 'th' : 'td';
      return (
        <tr key={key}>
          {block.cells.map((cell, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional and never reorder.
            <Cell key={index}>{runs(cell)}</Cell>
          ))}
        </tr>
      );
    }
    case 'rule':
      return <hr key={key} />;
    case 'blank':
      return null;
  }
}

/**
 * A section's Markdown, read line by line with each character's offset kept, so the cited spans are
 * marked exactly (a full Markdown renderer would lose the offsets).
 */
export function SectionText({ text, highlights, strong = NONE }: SectionTextProps) {
  const groups = groupBlocks(parseMarkdownBlocks(text));
  const marks = { highlights, strong };
  return (
    <div className="section-text" lang={langTag(text)}>
      {groups.map((group) => {
        if (group.kind === 'single') return renderBlock(group.block, text, marks);
        const rows = group.blocks.map((block) => renderBlock(block, text, marks));
        const key = group.blocks[0]?.start;
        if (group.kind === 'list') return <ul key={key}>{rows}</ul>;
        return (
          <div key={key} className="table-scroll">
            <table>
              <tbody>{rows}</tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
