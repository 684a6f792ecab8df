// Writes a seeded, realistic benchmark webzine into <folder>/content/: site.yml, authors.yml,
// issues of ten ~800-word articles each (with links, anchors, lists, code, quotes, images, tables and
// footnotes), one SVG figure per issue and an about page; with `translateEvery` N, a French edition
// too, in which every Nth article has a translation (its body the original's, front matter and last
// line its own), as a webzine translated by volunteers has. The same seed always gives the same bytes.
// Script use: node bench/generate.js <folder> [--articles 1000] [--seed 1] [--translate-every 0]

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { capitalize, countWords, createRandom, hashSeed, paragraph, phrase, sentence } from './prose.js';
import { adjectives, codeWords, firstNames, lastNames, nouns, tags, verbs } from './words.js';

const articlesPerIssue = 10;
const wordsPerArticle = 800;
const firstIssueDate = Date.UTC(2019, 0, 5);
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Writes the benchmark webzine into `folder/content/`, replacing any content/ already there.
 * Returns what was written: the number of issues and articles and the authors' handles.
 */
export function generateZine(folder, { articles = 1000, seed = 1, translateEvery = 0 } = {}) {
  const content = path.join(folder, 'content');
  rmSync(content, { recursive: true, force: true });
  const authors = planAuthors(createRandom(hashSeed(`${seed}:authors`)));
  const issues = planIssues(articles, seed, authors.map((author) => author.handle));
  let translations = 0;
  write(content, 'site.yml', siteYaml(translateEvery > 0));
  write(content, 'authors.yml', authors.map((author) => `${author.handle}:\n  name: ${author.name}\n`).join(''));
  write(content, 'pages/about.md', aboutPage(createRandom(hashSeed(`${seed}:about`))));
  for (const issue of issues) {
    const folderName = `issues/${issue.number}`;
    write(content, `${folderName}/figure.svg`, figureSvg(issue));
    write(content, `${folderName}/issue.md`, issueFile(issue, issues, createRandom(hashSeed(`${seed}:issue:${issue.number}`))));
    for (const article of issue.articles) {
      const random = createRandom(hashSeed(`${seed}:article:${issue.number}:${article.order}:body`));
      const body = articleBody(article, issue, issues, random);
      const name = `${folderName}/${article.order}-${article.slug}`;
      write(content, `${name}.md`, `${frontMatter({ title: article.title, authors: article.authors, summary: article.summary, tags: article.tags })}\n\n${body}`);
      if (translateEvery > 0 && article.serial % translateEvery === 0) {
        write(content, `${name}.fr.md`, `${frontMatter({ title: `${article.title} (en français)`, summary: `En bref : ${article.summary}` })}\n\n${body}\nTraduit de l'anglais par l'équipe.\n`);
        translations++;
      }
    }
  }
  return { issues: issues.length, articles, translations, authors: authors.map((author) => author.handle) };
}

function write(content, relative, text) {
  const file = path.join(content, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function planAuthors(random) {
  const surnames = random.sample(lastNames, firstNames.length);
  return firstNames.map((first, index) => ({ handle: first.toLowerCase(), name: `${first} ${surnames[index]}` }));
}

/** Decides every issue and article (titles, slugs, headings) before any body is written, so links can point forward in the plan. */
function planIssues(articleCount, seed, handles) {
  const issues = [];
  for (let number = 1; (number - 1) * articlesPerIssue < articleCount; number++) {
    const random = createRandom(hashSeed(`${seed}:issue:${number}:plan`));
    const count = Math.min(articlesPerIssue, articleCount - (number - 1) * articlesPerIssue);
    const slugs = new Set();
    const articles = [];
    for (let index = 1; index <= count; index++) {
      const articleRandom = createRandom(hashSeed(`${seed}:article:${number}:${index * 10}:plan`));
      articles.push(planArticle(articleRandom, index * 10, (number - 1) * articlesPerIssue + index, slugs, handles));
    }
    issues.push({
      number,
      title: titleCase(phrase(random)),
      date: new Date(firstIssueDate + (number - 1) * 7 * dayMs).toISOString().slice(0, 10),
      summary: sentence(random),
      editors: random.sample(handles, 2),
      articles,
    });
  }
  return issues;
}

function planArticle(random, order, serial, slugs, handles) {
  const title = articleTitle(random);
  let slug = toSlug(title).split('-').slice(0, 6).join('-');
  for (let n = 2; slugs.has(slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
  slugs.add(slug);
  const headings = [];
  const ids = new Set();
  while (headings.length < 6) {
    const text = phrase(random);
    if (ids.has(toHeadingId(text))) continue;
    ids.add(toHeadingId(text));
    headings.push(text);
  }
  return {
    order,
    serial,
    slug,
    title,
    // Every fifth article of the whole zine carries a GFM table and a footnote.
    extras: serial % 5 === 0,
    authors: random.sample(handles, random.int(1, 2)),
    summary: sentence(random),
    tags: random.sample(tags, random.int(1, 3)),
    headings,
  };
}

function articleTitle(random) {
  const shapes = [
    () => `The ${random.pick(adjectives)} ${random.pick(nouns)}`,
    () => `Notes on the ${random.pick(adjectives)} ${random.pick(nouns)}`,
    () => `How the ${random.pick(nouns)} ${random.pick(verbs)} the ${random.pick(nouns)}`,
    () => `A ${random.pick(adjectives)} ${random.pick(nouns)} for the ${random.pick(nouns)}`,
    () => `${capitalize(random.pick(adjectives))} ${random.pick(nouns)}, ${random.pick(adjectives)} ${random.pick(nouns)}`,
    () => `In praise of the ${random.pick(nouns)}`,
    () => `Letters: the ${random.pick(nouns)} and the ${random.pick(nouns)}`,
    () => `${random.int(3, 40)} years of the ${random.pick(adjectives)} ${random.pick(nouns)}`,
  ];
  return random.pick(shapes)();
}

function titleCase(text) {
  return text.split(' ').map((word) => (['and', 'the', 'of'].includes(word) ? word : capitalize(word))).join(' ');
}

/** A file-name slug: lowercase letters, digits and single hyphens. */
function toSlug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A heading id as github-slugger makes it, for the plain-word headings generated here. */
/** The article files of a generated webzine in `folder`, relative to it (`content/issues/3/20-slug.md`), sorted. */
export function listArticles(folder) {
  return readdirSync(path.join(folder, 'content/issues'), { recursive: true })
    .map((entry) => `content/issues/${entry.split(path.sep).join('/')}`)
    .filter((file) => /\/\d+-[a-z0-9-]+\.md$/.test(file))
    .sort();
}

export function toHeadingId(text) {
  return text.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

function frontMatter(fields) {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) lines.push(`${key}:`, ...value.map((item) => `  - ${JSON.stringify(item)}`));
    // Dates stay unquoted, as people write them; other strings are quoted so YAML never misreads a colon.
    else if (key === 'date' || typeof value !== 'string') lines.push(`${key}: ${String(value)}`);
    else lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n---`;
}

function siteYaml(french) {
  return [
    'title: "Bench Light"',
    'description: "A generated webzine for measuring how fast mimeo builds."',
    'baseUrl: https://bench.example/',
    'geminiUrl: gemini://bench.example/',
    'language: en',
    ...(french ? ['languages: [fr]'] : []),
    '',
  ].join('\n');
}

function aboutPage(random) {
  return [
    frontMatter({ title: 'About', menu: true, order: 1 }),
    paragraph(random),
    '## History',
    paragraph(random),
    paragraph(random),
    '## The small print',
    paragraph(random, 2, 3),
    '',
  ].join('\n\n');
}

function figureSvg(issue) {
  const hue = (issue.number * 47) % 360;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160" viewBox="0 0 320 160">',
    `  <rect width="320" height="160" fill="hsl(${hue}, 40%, 90%)"/>`,
    `  <circle cx="80" cy="80" r="48" fill="hsl(${hue}, 50%, 40%)"/>`,
    `  <text x="150" y="88" font-family="sans-serif" font-size="24">Issue ${issue.number}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function issueFile(issue, issues, random) {
  const first = issue.articles[0];
  const last = issue.articles.at(-1);
  const parts = [
    frontMatter({ title: issue.title, date: issue.date, summary: issue.summary, editors: issue.editors }),
    `${paragraph(random, 2, 4)} This issue opens with [${first.title.toLowerCase()}](${first.order}-${first.slug}.md) and closes with [${last.title.toLowerCase()}](${last.order}-${last.slug}.md#${toHeadingId(last.headings[0])}).`,
  ];
  const previous = issues[issue.number - 2];
  const back = previous ? ` If you missed it, [issue ${previous.number}](../${previous.number}/issue.md) is still there.` : '';
  parts.push(`${paragraph(random, 2, 3)}${back} The [about page](../../pages/about.md#history) tells how this all began.`, '');
  return parts.join('\n\n');
}

/** The body of one article: sections of prose and Markdown constructs until it reaches about 800 words. */
function articleBody(article, issue, issues, random) {
  const [h2a, h3a, h2b, h3b, h2c, h2d] = article.headings;
  const blocks = [
    paragraph(random),
    paragraph(random),
    `## ${h2a}`,
    paragraph(random),
    bulletList(random),
    `### ${h3a}`,
    `${paragraph(random, 2, 3)} The ${random.pick(nouns)} needs \`${random.pick(codeWords)}\` and a ${random.pick(adjectives)} script:`,
    codeBlock(random),
    paragraph(random),
    `## ${h2b}`,
    `${paragraph(random, 2, 4)} ${crossLink(article, issue, issues, random)}`,
    blockquote(random),
    numberedList(random),
    `### ${h3b}`,
    `${paragraph(random, 2, 3)} The figure shows the ${random.pick(adjectives)} ${random.pick(nouns)}.`,
    `![A ${random.pick(adjectives)} ${random.pick(nouns)} drawn as a circle beside the issue number](figure.svg)`,
  ];
  if (article.extras) blocks.push(table(random), `${paragraph(random, 2, 3)} The numbers are rough[^1].`);
  blocks.push(
    `## ${h2c}`,
    `${paragraph(random, 2, 4)} See [${h2a.toLowerCase()}](#${toHeadingId(h2a)}) above, and the [${random.pick(nouns)} notes](https://${random.pick(nouns)}.example/${random.pick(nouns)}/${random.pick(adjectives)}) for more.`,
    `## ${h2d}`,
  );
  while (countWords(blocks.join('\n')) < wordsPerArticle) blocks.push(paragraph(random));
  if (article.extras) blocks.push(`[^1]: ${sentence(random)}`);
  return `${blocks.join('\n\n')}\n`;
}

/** A link to an article of an earlier issue (in issue 1: another article of the same issue), sometimes to one of its headings. */
function crossLink(article, issue, issues, random) {
  let target;
  let href;
  if (issue.number > 1) {
    const earlier = issues[random.int(0, issue.number - 2)];
    target = random.pick(earlier.articles);
    href = `../${earlier.number}/${target.order}-${target.slug}.md`;
  } else {
    const others = issue.articles.filter((other) => other !== article);
    if (others.length === 0) return `As the [about page](../../pages/about.md) says, it all started with ${sentence(random).toLowerCase()}`;
    target = random.pick(others);
    href = `${target.order}-${target.slug}.md`;
  }
  if (random.chance(0.5)) href += `#${toHeadingId(random.pick(target.headings))}`;
  return `We wrote about this before in [${target.title.toLowerCase()}](${href}).`;
}

function bulletList(random) {
  const items = [];
  for (let i = random.int(3, 6); i > 0; i--) {
    items.push(`- ${sentence(random)}`);
    if (random.chance(0.3)) items.push(`  - ${sentence(random)}`, `  - ${sentence(random)}`);
  }
  return items.join('\n');
}

function numberedList(random) {
  const items = [];
  const count = random.int(3, 5);
  for (let i = 1; i <= count; i++) {
    items.push(`${i}. ${sentence(random)}`);
    if (random.chance(0.25)) items.push(`   - ${sentence(random)}`);
  }
  return items.join('\n');
}

function blockquote(random) {
  return [sentence(random), sentence(random), '', `— ${random.pick(firstNames)} ${random.pick(lastNames)}`].map((line) => `> ${line}`.trimEnd()).join('\n');
}

function codeBlock(random) {
  const noun = random.pick(nouns);
  const other = random.pick(nouns);
  const snippets = [
    () => ['sh', `# check the ${noun} every morning`, `${random.pick(codeWords)} | tee -a /var/log/${noun}.log`, `rsync -a /srv/${noun}/ backup:/srv/${other}/`],
    () => ['js', `// count the ${noun} entries`, `const ${noun}s = await load('${other}.json');`, `console.log(${noun}s.filter((entry) => entry.${random.pick(adjectives)}).length);`],
    () => ['python', `# watch the ${noun}`, `def check_${noun}(${other}):`, `    return ${other}.level > ${random.int(10, 90)}`],
    () => ['c', `/* keep the ${noun} ${random.pick(adjectives)} */`, `int ${noun}_ok(int ${other}) {`, `  return ${other} < ${random.int(10, 99)};`, '}'],
    () => ['yaml', `${noun}:`, `  ${other}: ${random.pick(adjectives)}`, `  interval: ${random.int(1, 60)}m`],
  ];
  const [language, ...lines] = random.pick(snippets)();
  return ['```' + language, ...lines, '```'].join('\n');
}

function table(random) {
  const rows = ['| Machine | Watts | Uptime (days) |', '| --- | ---: | ---: |'];
  for (let i = random.int(3, 5); i > 0; i--) {
    rows.push(`| ${capitalize(random.pick(adjectives))} ${random.pick(nouns)} | ${random.int(2, 90)} | ${random.int(1, 2000)} |`);
  }
  return rows.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { articles: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, 'translate-every': { type: 'string', default: '0' } },
  });
  if (positionals.length !== 1) {
    console.error('usage: node bench/generate.js <folder> [--articles 1000] [--seed 1] [--translate-every 0]');
    process.exit(2);
  }
  const result = generateZine(positionals[0], { articles: Number(values.articles), seed: Number(values.seed), translateEvery: Number(values['translate-every']) });
  console.log(`wrote ${result.articles} articles in ${result.issues} issues to ${path.join(positionals[0], 'content')}`);
}
