/** A line type of gemtext as a client reads it (gemini spec §5.4); a preformatted block is one entry. */
export type ReadLineType = 'text' | 'link' | 'heading' | 'list' | 'quote' | 'preformatted' | 'blank';

/** Reads a gemtext document the way a Gemini client does, giving each line's type. */
export function readGemtext(gemtext: string): Array<{ type: ReadLineType; line: string }> {
  const read: Array<{ type: ReadLineType; line: string }> = [];
  let inBlock = false;
  for (const line of gemtext.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('```')) {
      if (!inBlock) read.push({ type: 'preformatted', line });
      inBlock = !inBlock;
    } else if (inBlock) continue;
    else if (line.startsWith('=>')) read.push({ type: 'link', line });
    else if (line.startsWith('#')) read.push({ type: 'heading', line });
    else if (line.startsWith('* ')) read.push({ type: 'list', line });
    else if (line.startsWith('>')) read.push({ type: 'quote', line });
    else read.push({ type: line === '' ? 'blank' : 'text', line });
  }
  return read;
}

/** What is wrong with a gemtext document: an unclosed preformatted block, a link line without URL, a heading deeper than ###. */
export function gemtextProblems(gemtext: string): string[] {
  const problems: string[] = [];
  const toggles = gemtext.split('\n').filter((line) => line.startsWith('```')).length;
  if (toggles % 2 !== 0) problems.push('a preformatted block is not closed');
  for (const { type, line } of readGemtext(gemtext)) {
    if (type === 'link' && !/^=>[ \t]*\S/.test(line)) problems.push(`link line without a URL: ${line}`);
    if (type === 'heading' && /^#{4}/.test(line)) problems.push(`heading deeper than ###: ${line}`);
  }
  // A client shows every blank line: outside preformatted text, one is a paragraph's end, more a gap.
  let preformatted = false;
  const lines = gemtext.replace(/\n$/, '').split('\n');
  lines.forEach((line, index) => {
    if (line.startsWith('```')) preformatted = !preformatted;
    else if (!preformatted && line.trim() === '' && (index === 0 || index === lines.length - 1 || lines[index - 1]!.trim() === '')) problems.push(`a gap of blank lines at line ${index + 1}`);
  });
  return problems;
}
