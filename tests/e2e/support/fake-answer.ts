/**
 * Builds the fake model's answer from the passages the app put in its prompt, the way a faithful model
 * would: it names the first passage's heading and quotes a line of each passage, citing it as [n].
 */

export interface PromptPassage {
  n: number;
  heading: string;
  /** The first line of real content (not a heading), stripped of Markdown decoration. */
  firstLine: string;
}

/** `<passage n="1" section="…">` blocks, as the app's prompt writes them; `[1] heading` lines otherwise. */
const TAGGED_START = /<(?:passage|source|doc|document)\b([^>]*)>[ \t]*(.*)$/gim;
const NUMBER_ATTRIBUTE = /\b(?:n|id|index|number)="?(\d+)"?/i;
const SECTION_ATTRIBUTE = /\b(?:section|title|heading)="([^"]*)"/i;
const BRACKET_START = /^[ \t]*(?:#+[ \t]*)?(?:passage|source|来源)?[ \t]*\[(\d+)\][ \t]*(.*)$/gim;

interface PassageStart {
  n: number;
  heading: string;
  index: number;
}

function passageStarts(prompt: string): PassageStart[] {
  const tagged = [...prompt.matchAll(TAGGED_START)].flatMap((match): PassageStart[] => {
    const attributes = match[1] ?? '';
    const number = NUMBER_ATTRIBUTE.exec(attributes)?.[1];
    if (number === undefined) return [];
    const heading = SECTION_ATTRIBUTE.exec(attributes)?.[1] ?? match[2] ?? '';
    return [{ n: Number(number), heading: plainLine(heading), index: match.index ?? 0 }];
  });
  if (tagged.length > 0) return tagged;
  return [...prompt.matchAll(BRACKET_START)].map((match) => ({
    n: Number(match[1]),
    heading: plainLine(match[2] ?? ''),
    index: match.index ?? 0,
  }));
}

function textOfContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      const text = (part as { text?: unknown } | null)?.text;
      return typeof text === 'string' ? text : '';
    })
    .join('\n');
}

/** Everything the app told the model, in message order. */
export function promptText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  return messages
    .map((message: unknown) => textOfContent((message as { content?: unknown })?.content))
    .join('\n');
}

function plainLine(line: string): string {
  return line
    .replace(/^[\s>*#-]+/, '')
    .replace(/[*_`]/g, '')
    .replace(/<[^>]+>/g, '')
    .trim();
}

function isContentLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('<') || trimmed === '---') return false;
  return plainLine(trimmed).length >= 2;
}

/** The numbered passages of the prompt with a heading and a quotable line each; the rest is ignored. */
export function parsePromptPassages(prompt: string): PromptPassage[] {
  const starts = passageStarts(prompt);
  const passages: PromptPassage[] = [];
  for (const [position, start] of starts.entries()) {
    if (passages.some((passage) => passage.n === start.n)) continue;
    const end = starts[position + 1]?.index ?? prompt.length;
    const lines = prompt.slice(start.index, end).split('\n').slice(1);
    const headingLine = start.heading || plainLine(lines.find((line) => line.trim() !== '') ?? '');
    const firstLine = plainLine(
      lines.find((line) => isContentLine(line) && plainLine(line) !== headingLine) ?? '',
    );
    passages.push({ n: start.n, heading: headingLine, firstLine: firstLine || headingLine });
  }
  return passages;
}

/** The answer text the fake model streams; without passages it says so and cites nothing. */
export function composeCitedAnswer(messages: unknown): string {
  const passages = parsePromptPassages(promptText(messages)).slice(0, 2);
  const [first, second] = passages;
  if (!first) return 'The prompt carried no passages, so there is nothing to cite.';
  const sentences = [`According to the corpus, ${first.heading}: ${first.firstLine} [${first.n}].`];
  if (second) sentences.push(`It also notes: ${second.firstLine} [${second.n}].`);
  return sentences.join(' ');
}
