// The parse floor: the least work any Markdown-to-HTML build of a webzine must do, with the
// libraries mimeo uses. For every .md file under the content folder it reads the file, splits the
// front matter with gray-matter, turns the Markdown into HTML with one unified processor
// (remark-parse, remark-gfm, remark-rehype, rehype-stringify) and writes one .html file, at the
// same relative path, into the output folder. Nothing else: no model, links, theme, feeds or
// gemtext. run.js compares `mimeo build --no-cache` with it.
// Usage: node bench/floor.js <content-folder> <out-folder>

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Writes the HTML of every Markdown file under `contentFolder` into `outFolder`; returns how many files it wrote. */
function buildFloor(contentFolder, outFolder) {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
  const files = readdirSync(contentFolder, { recursive: true }).filter((entry) => entry.endsWith('.md'));
  for (const file of files) {
    const text = readFileSync(path.join(contentFolder, file), 'utf8');
    // An options object turns off gray-matter's cache, which would otherwise keep every input.
    const { content } = matter(text, {});
    const target = path.join(outFolder, file.replace(/\.md$/, '.html'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, String(processor.processSync(content)));
  }
  return files.length;
}

const [contentFolder, outFolder, ...rest] = process.argv.slice(2);
if (contentFolder === undefined || outFolder === undefined || rest.length > 0) {
  console.error('usage: node bench/floor.js <content-folder> <out-folder>');
  process.exit(2);
}
console.log(`wrote ${buildFloor(contentFolder, outFolder)} HTML files to ${outFolder}`);
