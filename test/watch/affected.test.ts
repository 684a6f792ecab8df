import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import { readAuthorsFile, readSiteConfig } from '../../src/load/site-files.js';
import { assembleSite } from '../../src/model/assemble.js';
import { compileFile } from '../../src/compile/compile-file.js';
import { loadRawHtmlParsers } from '../../src/render/raw-html.js';
import { toLoadedFile } from '../../src/compile/compiled.js';
import { resolveEditionLinks } from '../../src/transform/links.js';
import { affected, themeInputsOf } from '../../src/watch/affected.js';
import { toDependencyGraph, type DependencyGraph } from '../../src/render/dependency-graph.js';
import { fixtures, readTree } from '../support/webzine.js';

// Bodies with raw HTML need its parsers, which a build loads when a text has a `<`.
beforeAll(loadRawHtmlParsers);

function graph(inputs: Record<string, string>, outputs: Record<string, string[]>): DependencyGraph {
  return { inputs: new Map(Object.entries(inputs)), outputs: new Map(Object.entries(outputs)) };
}

describe('affected', () => {
  const before = graph({ site: '1', 'body:a.md': '1', 'body:b.md': '1' }, { 'web/a.html': ['site', 'body:a.md'], 'web/b.html': ['site', 'body:b.md'], 'web/both.html': ['body:a.md', 'body:b.md'] });

  it('renders the outputs that read a changed input, and only those', () => {
    const after = graph({ site: '1', 'body:a.md': '2', 'body:b.md': '1' }, Object.fromEntries(before.outputs) as Record<string, string[]>);
    expect(affected(['content/a.md'], { before, after })).toEqual({ render: ['web/a.html', 'web/both.html'], remove: [] });
  });

  it('renders nothing when the fingerprints are the same, whatever the watcher saw', () => {
    expect(affected(['content/a.md', 'content/b.md'], { before, after: before })).toEqual({ render: [], remove: [] });
  });

  it('renders an output that read an input which is gone, and removes the outputs that are gone', () => {
    const after = graph({ site: '1', 'body:a.md': '1' }, { 'web/a.html': ['site', 'body:a.md'], 'web/both.html': ['body:a.md'] });
    expect(affected(['content/b.md'], { before, after })).toEqual({ render: ['web/both.html'], remove: ['web/b.html'] });
  });

  it('renders an output that is new', () => {
    const after = graph({ site: '1', 'body:a.md': '1', 'body:b.md': '1', 'body:c.md': '1' }, { ...(Object.fromEntries(before.outputs) as Record<string, string[]>), 'web/c.html': ['body:c.md'] });
    expect(affected([], { before, after })).toEqual({ render: ['web/c.html'], remove: [] });
  });

  it('renders the outputs of a theme input from the watched path alone', () => {
    const themed = graph({}, { 'web/a.html': ['theme:web'], 'gemini/a.gmi': ['theme:gemini'], 'web/atom.xml': ['theme:strings'] });
    expect(affected(['themes/default/templates/gemini/article.liquid'], { before: themed, after: themed })).toEqual({ render: ['gemini/a.gmi'], remove: [] });
  });
});

describe('themeInputsOf', () => {
  it.each([
    ['themes/default/templates/article.liquid', ['theme:web']],
    ['themes/default/templates/partials/footer.liquid', ['theme:web']],
    ['themes/default/templates/gemini/article.liquid', ['theme:gemini']],
    ['themes/default/i18n/fr.yml', ['theme:strings']],
    ['themes/default/assets/style.css', ['theme:web']],
    ['themes/default/assets/favicon.svg', []],
    ['themes/default/scaffolds/article.md', []],
    ['themes/default/README.md', []],
    ['themes/default/theme.yml', ['theme:web', 'theme:gemini', 'theme:strings']],
    ['content/issues/1/10-first.md', []],
  ])('maps %s to %j', (file, keys) => {
    expect(themeInputsOf(file)).toEqual(keys);
  });
});

/** The base webzine with a capsule, as files in memory. */
async function baseFiles(): Promise<Record<string, string>> {
  const tree = await readTree(path.join(fixtures, 'base'));
  const files = Object.fromEntries([...tree].map(([file, bytes]) => [file, bytes.toString('utf8')]));
  files['content/site.yml'] += 'geminiUrl: gemini://zine.example/\n';
  return files;
}

/** The dependency graph of a webzine held in memory, built with drafts as `mimeo dev` builds. */
function graphOf(files: Record<string, string>): DependencyGraph {
  const { report } = createCollector();
  const texts = Object.entries(files).filter(([file]) => /\.(md|yml)$/.test(file) && !file.startsWith('content/static/')).map(([file, text]) => ({ path: file, text }));
  const assets = Object.keys(files).filter((file) => !texts.some((text) => text.path === file)).map((file) => ({ path: file, absolutePath: `/nowhere/${file}` }));
  const config = readSiteConfig(texts, report)!;
  const authorsFile = readAuthorsFile(texts, report);
  const options = { html: config.markdown.html, links: config.gemini.links };
  const parsed = texts.filter((text) => text.path.endsWith('.md')).map((text) => toLoadedFile(compileFile(text, options), text.text));
  const editions = assembleSite({ config, files: parsed, assets, ...(authorsFile ? { authorsFile } : {}) }, { drafts: true }, report);
  const [site] = editions;
  resolveEditionLinks(editions, report);
  return toDependencyGraph(site!, { baseUrl: 'http://127.0.0.1:4000/', textHash: (file) => files[file], editions, everyEdition: true });
}

type Change = (files: Record<string, string>) => void;

const first = 'content/issues/1/10-first.md';
const retitledSet = [
  'gemini/atom.xml', 'gemini/authors.gmi', 'gemini/index.gmi', 'gemini/issues/1/first.gmi', 'gemini/issues/1/index.gmi', 'gemini/issues/1/second.gmi',
  'web/atom.xml', 'web/authors/index.html', 'web/index.html', 'web/issues/1/first/index.html', 'web/issues/1/index.html', 'web/issues/1/second/index.html', 'web/rss.xml', 'web/sitemap.xml',
];
// The first article's tag, news: its page lists the article with its issue; the index, every tag with its count.
const newsPages = ['gemini/tags/news/index.gmi', 'web/tags/news/index.html'];
const tagsIndex = ['gemini/tags/index.gmi', 'web/tags/index.html'];
const webPages = ['web/404.html', 'web/about/index.html', 'web/authors/index.html', 'web/index.html', 'web/issues/1/first/index.html', 'web/issues/1/index.html', 'web/issues/1/second/index.html', 'web/tags/index.html', 'web/tags/news/index.html'];
const capsulePages = ['gemini/about.gmi', 'gemini/authors.gmi', 'gemini/index.gmi', 'gemini/issues/1/first.gmi', 'gemini/issues/1/index.gmi', 'gemini/issues/1/second.gmi', 'gemini/tags/index.gmi', 'gemini/tags/news/index.gmi'];
const everything = [...capsulePages, 'gemini/atom.xml', ...webPages, 'web/atom.xml', 'web/robots.txt', 'web/rss.xml', 'web/sitemap.xml'].sort();
// A change to the list of authors re-renders every web page: bylines link anchors decided over the whole list.
const authorsChanged = [...new Set([...retitledSet, ...webPages])].sort();

const cases: Array<{ name: string; change: Change; paths: string[]; render: string[]; remove?: string[] }> = [
  { name: 'a file saved without a change', change: () => {}, paths: [first], render: [] },
  {
    name: 'an article body edited',
    change: (f) => (f[first] += '\nMore.\n'),
    paths: [first],
    render: ['gemini/issues/1/first.gmi', 'web/atom.xml', 'web/issues/1/first/index.html', 'web/issues/1/index.html', 'web/rss.xml'],
  },
  { name: 'an article retitled', change: (f) => (f[first] = f[first]!.replace('The first article', 'The opening')), paths: [first], render: [...retitledSet, ...newsPages].sort() },
  {
    name: 'an author renamed in authors.yml',
    change: (f) => (f['content/authors.yml'] = f['content/authors.yml']!.replace('Ada Quill', 'Ada Lark')),
    paths: ['content/authors.yml'],
    render: [...authorsChanged, 'gemini/tags/news/index.gmi'].sort(),
  },
  {
    name: 'a tag added to an article',
    change: (f) => (f[first] = f[first]!.replace('tags: [news]', 'tags: [news, solar]')),
    paths: [first],
    // Its issue lists it with its tags (retitledSet); the new tag's pages are new and the index and sitemap list them; news is as it was.
    render: [...retitledSet, 'gemini/tags/index.gmi', 'gemini/tags/solar/index.gmi', 'web/tags/index.html', 'web/tags/solar/index.html'].sort(),
  },
  {
    name: 'an article added',
    change: (f) => (f['content/issues/1/30-third.md'] = '---\ntitle: Third\n---\nText.\n'),
    paths: ['content/issues/1/30-third.md'],
    render: [...retitledSet, 'gemini/issues/1/third.gmi', 'web/issues/1/third/index.html'].sort(),
  },
  {
    name: 'an article removed',
    change: (f) => delete f['content/issues/1/20-second.md'],
    paths: ['content/issues/1/20-second.md'],
    render: authorsChanged.filter((output) => !output.includes('second')),
    remove: ['gemini/issues/1/second.gmi', 'web/issues/1/second/index.html'],
  },
  {
    name: 'an issue folder renamed from 1 to 001',
    change: (f) => {
      for (const file of Object.keys(f).filter((key) => key.startsWith('content/issues/1/'))) {
        f[file.replace('/1/', '/001/')] = f[file]!;
        delete f[file];
      }
    },
    paths: ['content/issues/1/issue.md', 'content/issues/001/issue.md'],
    render: retitledSet,
  },
  {
    name: 'an issue made a draft by removing its date',
    change: (f) => (f['content/issues/1/issue.md'] = f['content/issues/1/issue.md']!.replace('date: 2026-03-01\n', '')),
    paths: ['content/issues/1/issue.md'],
    // The tag's page and the index mark it as a draft's.
    render: [...retitledSet, ...newsPages, ...tagsIndex].sort(),
  },
  {
    name: 'an editorial edited',
    change: (f) => (f['content/issues/1/issue.md'] += 'More.\n'),
    paths: ['content/issues/1/issue.md'],
    render: ['gemini/issues/1/index.gmi', 'web/atom.xml', 'web/issues/1/index.html', 'web/rss.xml'],
  },
  { name: 'a page body edited', change: (f) => (f['content/pages/about.md'] += '\nMore.\n'), paths: ['content/pages/about.md'], render: ['gemini/about.gmi', 'web/about/index.html'] },
  {
    name: 'a page taken out of the menu',
    change: (f) => (f['content/pages/about.md'] = f['content/pages/about.md']!.replace('menu: true', 'menu: false')),
    paths: ['content/pages/about.md'],
    // The capsule's home page lists every page, in the menu or not.
    render: ['gemini/about.gmi', ...webPages, 'web/sitemap.xml'].sort(),
  },
  { name: 'the site title changed', change: (f) => (f['content/site.yml'] = f['content/site.yml']!.replace('Test Zine', 'Other Zine')), paths: ['content/site.yml'], render: everything },
  {
    name: 'the capsule turned off',
    change: (f) => (f['content/site.yml'] = f['content/site.yml']!.replace('geminiUrl: gemini://zine.example/\n', '')),
    paths: ['content/site.yml'],
    render: everything.filter((output) => output.startsWith('web/')),
    remove: [...capsulePages, 'gemini/atom.xml'].sort(),
  },
  { name: 'a web template changed', change: () => {}, paths: ['themes/default/templates/partials/footer.liquid'], render: webPages },
  { name: 'the stylesheet changed', change: () => {}, paths: ['themes/default/assets/style.css'], render: webPages },
  { name: 'a gemtext template changed', change: () => {}, paths: ['themes/default/templates/gemini/article.liquid'], render: capsulePages },
  { name: 'the UI strings changed', change: () => {}, paths: ['themes/default/i18n/en.yml'], render: everything.filter((output) => output !== 'web/robots.txt' && output !== 'web/sitemap.xml') },
  { name: 'a theme image and a scaffold changed', change: () => {}, paths: ['themes/default/assets/favicon.svg', 'themes/default/scaffolds/article.md'], render: [] },
  { name: 'an image redrawn', change: (f) => (f['content/issues/1/cover.svg'] = '<svg xmlns="http://www.w3.org/2000/svg"/>'), paths: ['content/issues/1/cover.svg'], render: [] },
  {
    name: 'a static file added where a page is published',
    change: (f) => (f['content/static/about/index.html'] = '<p>mine</p>'),
    paths: ['content/static/about/index.html'],
    render: ['web/about/index.html'],
  },
];

describe('affected, on the base webzine', () => {
  it.each(cases)('$name: renders exactly what the change affects', async ({ change, paths, render, remove = [] }) => {
    const files = await baseFiles();
    const before = graphOf(files);
    change(files);
    expect(affected(paths, { before, after: graphOf(files) })).toEqual({ render, remove });
  });
});

/** The base webzine with a French edition, its second article and its editorial translated. */
async function frenchFiles(): Promise<Record<string, string>> {
  const files = await baseFiles();
  files['content/site.yml'] += 'languages: [fr]\n';
  files['content/issues/1/20-second.fr.md'] = '---\ntitle: Le deuxième article\n---\nEn français.\n';
  files['content/issues/1/issue.fr.md'] = '---\ntitle: Première lumière\n---\nBienvenue.\n';
  return files;
}

const drafted = (file: string): Change => (f) => (f[file] = f[file]!.replace('---\n', '---\ndraft: true\n'));

// The French edition's outputs that show the issue's list of articles (titles, drafts, authors).
const frenchIssue = [
  'gemini/fr/atom.xml', 'gemini/fr/authors.gmi', 'gemini/fr/index.gmi', 'gemini/fr/issues/1/first.gmi', 'gemini/fr/issues/1/index.gmi', 'gemini/fr/issues/1/second.gmi',
  'web/fr/atom.xml', 'web/fr/authors/index.html', 'web/fr/index.html', 'web/fr/issues/1/first/index.html', 'web/fr/issues/1/index.html', 'web/fr/issues/1/second/index.html', 'web/fr/rss.xml',
];
// The French issue's outputs with the tag page of the first article's tag, which lists its title.
const frenchIssueAndTag = [...frenchIssue, 'gemini/fr/tags/news/index.gmi', 'web/fr/tags/news/index.html'].sort();
// The outputs that show the second article's text in French: its pages, its issue's page and the feeds.
const frenchSecondText = ['gemini/fr/issues/1/second.gmi', 'web/fr/atom.xml', 'web/fr/issues/1/index.html', 'web/fr/issues/1/second/index.html', 'web/fr/rss.xml'];

// Each edition's outputs read that edition's model; of the original edition's, only the sitemap
// shows the other editions' pages (it leaves drafts out).
const frenchCases: Array<{ name: string; before?: Change; change: Change; paths: string[]; render: string[] }> = [
  { name: 'an article translation made a draft', change: drafted('content/issues/1/20-second.fr.md'), paths: ['content/issues/1/20-second.fr.md'], render: [...frenchIssue, 'web/sitemap.xml'] },
  {
    name: 'an article translation published',
    before: drafted('content/issues/1/20-second.fr.md'),
    change: (f) => (f['content/issues/1/20-second.fr.md'] = f['content/issues/1/20-second.fr.md']!.replace('draft: true\n', '')),
    paths: ['content/issues/1/20-second.fr.md'],
    render: [...frenchIssue, 'web/sitemap.xml'],
  },
  { name: 'an editorial translation made a draft', change: drafted('content/issues/1/issue.fr.md'), paths: ['content/issues/1/issue.fr.md'], render: [...frenchIssue, 'web/sitemap.xml'] },
  { name: 'an article translation edited', change: (f) => (f['content/issues/1/20-second.fr.md'] += 'Encore.\n'), paths: ['content/issues/1/20-second.fr.md'], render: frenchSecondText },
  {
    name: 'an article retitled in its translation',
    change: (f) => (f['content/issues/1/20-second.fr.md'] = f['content/issues/1/20-second.fr.md']!.replace('Le deuxième article', 'Le second article')),
    paths: ['content/issues/1/20-second.fr.md'],
    render: frenchIssue,
  },
  {
    name: 'an untranslated article edited, which both editions show',
    change: (f) => (f[first] += '\nMore.\n'),
    paths: [first],
    render: [
      'gemini/fr/issues/1/first.gmi', 'gemini/issues/1/first.gmi', 'web/atom.xml', 'web/fr/atom.xml', 'web/fr/issues/1/first/index.html', 'web/fr/issues/1/index.html', 'web/fr/rss.xml',
      'web/issues/1/first/index.html', 'web/issues/1/index.html', 'web/rss.xml',
    ],
  },
  {
    name: 'a translated article edited, which only the original edition shows',
    change: (f) => (f['content/issues/1/20-second.md'] += '\nMore.\n'),
    paths: ['content/issues/1/20-second.md'],
    render: ['gemini/issues/1/second.gmi', 'web/atom.xml', 'web/issues/1/index.html', 'web/issues/1/second/index.html', 'web/rss.xml'],
  },
  {
    // The untranslated first article links to the second's #details, which leads to the top of its
    // French page until the translation has that heading.
    name: 'a translation given the heading an untranslated article links to',
    change: (f) => (f['content/issues/1/20-second.fr.md'] += '\n## Details\n\nLes détails.\n'),
    paths: ['content/issues/1/20-second.fr.md'],
    render: ['gemini/fr/issues/1/first.gmi', 'web/fr/issues/1/first/index.html', ...frenchSecondText].sort(),
  },
  {
    // The page is in the menu of every French web page, and the capsule's home lists it.
    name: 'a page translated',
    change: (f) => (f['content/pages/about.fr.md'] = '---\ntitle: À propos\n---\n## Histoire\n\nNous.\n'),
    paths: ['content/pages/about.fr.md'],
    // The original's page and the sitemap name the translation (hreflang); every French web page, the tag pages among them, shows it in the menu.
    render: [
      'gemini/fr/about.gmi', 'gemini/fr/index.gmi', 'web/about/index.html', 'web/fr/about/index.html', 'web/fr/authors/index.html', 'web/fr/index.html', 'web/fr/issues/1/first/index.html', 'web/fr/issues/1/index.html',
      'web/fr/issues/1/second/index.html', 'web/fr/tags/index.html', 'web/fr/tags/news/index.html', 'web/sitemap.xml',
    ],
  },
  // The original's page names its translation as an alternate (hreflang), and the sitemap lists
  // translations only; an issue page is a copy of the original's only with nothing of it translated.
  // In the French edition, what lists the article shows its title in French.
  {
    name: 'an article translated',
    change: (f) => (f['content/issues/1/10-first.fr.md'] = '---\ntitle: Le premier article\n---\nEn français.\n'),
    paths: ['content/issues/1/10-first.fr.md'],
    render: [...frenchIssueAndTag, 'web/issues/1/first/index.html', 'web/sitemap.xml'],
  },
  { name: 'an article translation removed', change: (f) => delete f['content/issues/1/20-second.fr.md'], paths: ['content/issues/1/20-second.fr.md'], render: [...frenchIssue, 'web/issues/1/second/index.html', 'web/sitemap.xml'] },
  { name: 'an editorial translation removed, an article still translated', change: (f) => delete f['content/issues/1/issue.fr.md'], paths: ['content/issues/1/issue.fr.md'], render: frenchIssueAndTag },
  {
    name: 'the last translation of an issue removed',
    before: (f) => delete f['content/issues/1/20-second.fr.md'],
    change: (f) => delete f['content/issues/1/issue.fr.md'],
    paths: ['content/issues/1/issue.fr.md'],
    render: [...frenchIssueAndTag, 'web/issues/1/index.html', 'web/sitemap.xml'],
  },
];

describe('affected, on the base webzine with a French edition', () => {
  it.each(frenchCases)('$name: renders exactly what the change affects', async ({ before: setUp, change, paths, render }) => {
    const files = await frenchFiles();
    setUp?.(files);
    const before = graphOf(files);
    change(files);
    expect(affected(paths, { before, after: graphOf(files) })).toEqual({ render, remove: [] });
  });
});
