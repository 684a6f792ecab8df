import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRandom as createBenchRandom } from '../../bench/prose.js';
import { repoRoot } from './webzine.js';

/** A seeded random source (mulberry32), so a failing sequence can be replayed. */
/** A seeded random source, the benchmark's own (mulberry32): the same seed gives the same edits. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** Makes a seeded random source. */
export function createRandom(seed: number): Random {
  return createBenchRandom(seed) as Random;
}

/** A webzine being edited at random: its folder, the random source and an edit to undo. */
export interface EditedZine {
  root: string;
  random: Random;
  /** A counter that makes every edit's text new. */
  serial: number;
  /** What the last breaking edit replaced, restored by the next edit. */
  broken?: { path: string; text: string | undefined };
  /** The edits not yet made in this round: every kind comes once a round, in a random order. */
  bag?: Edit[];
}

/** One random edit: it changes files below the root and gives their paths. */
export interface Edit {
  name: string;
  apply(zine: EditedZine): Promise<string[]>;
}

async function files(zine: EditedZine, folder: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(path.join(zine.root, folder), { recursive: true }).catch(() => [] as string[]);
  return entries.map((entry) => `${folder}/${entry.split(path.sep).join('/')}`).filter((file) => pattern.test(file)).sort();
}

const articles = (zine: EditedZine) => files(zine, 'content/issues', /^content\/issues\/\d+\/\d+-[a-z0-9-]+\.md$/);
const issueFolders = async (zine: EditedZine) => (await files(zine, 'content/issues', /^content\/issues\/\d+\/issue\.md$/)).map((file) => path.posix.dirname(file));
const read = (zine: EditedZine, file: string) => readFile(path.join(zine.root, file), 'utf8');

async function write(zine: EditedZine, file: string, text: string): Promise<string[]> {
  await mkdir(path.dirname(path.join(zine.root, file)), { recursive: true });
  await writeFile(path.join(zine.root, file), text);
  return [file];
}

async function remove(zine: EditedZine, file: string): Promise<string[]> {
  await rm(path.join(zine.root, file), { force: true, recursive: true });
  return [file];
}

async function rewrite(zine: EditedZine, file: string, change: (text: string) => string): Promise<string[]> {
  return write(zine, file, change(await read(zine, file)));
}

const languages = ['fr', 'de'];

/** The originals a translation may be made of: the articles not added by an edit (which may go), the editorials, the about page. */
async function translatable(zine: EditedZine): Promise<string[]> {
  const kept = (await articles(zine)).filter((file) => !file.includes('-added-'));
  return [...kept, ...(await issueFolders(zine)).map((folder) => `${folder}/issue.md`), 'content/pages/about.md'];
}

/**
 * Gives the webzine its French and German editions, if it has none: site.yml lists them, and the
 * theme gets German UI strings, which the default theme lacks (its English ones, but for the language's name).
 */
async function translateInto(zine: EditedZine): Promise<string[]> {
  const site = await read(zine, 'content/site.yml');
  const listed = `languages: [${languages.join(', ')}]`;
  if (site.includes(`\n${listed}\n`)) return [];
  const strings = 'themes/default/i18n/de.yml';
  const english = await readFile(path.join(repoRoot, 'themes/default/i18n/en.yml'), 'utf8');
  const german = english.replace(/^language_name: .*$/m, 'language_name: Deutsch');
  return [...(await write(zine, 'content/site.yml', `${site.replace(/\nlanguages: .*\n/, '\n')}${listed}\n`)), ...(await write(zine, strings, german))];
}

/** Sets, or with `undefined` removes, a front matter line `key: value`. */
function setField(text: string, key: string, value: string | undefined): string {
  const [, matter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
  const lines = matter.split('\n').filter((line) => !line.startsWith(`${key}:`));
  if (value !== undefined) lines.push(`${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

async function toggleOverride(zine: EditedZine, file: string, text: string): Promise<string[]> {
  const exists = await read(zine, file).then(() => true, () => false);
  return exists && zine.random.next() < 0.5 ? remove(zine, file) : write(zine, file, text);
}

/** Every kind of edit a contributor or a theme designer makes, the mistakes included. */
export const edits: Edit[] = [
  { name: 'edit an article body', apply: async (z) => rewrite(z, z.random.pick(await articles(z)), (t) => `${t}\nAn added paragraph, number ${z.serial}.\n`) },
  { name: 'retitle an article', apply: async (z) => rewrite(z, z.random.pick(await articles(z)), (t) => setField(t, 'title', `"Retitled ${z.serial}"`)) },
  { name: 'toggle an article draft', apply: async (z) => rewrite(z, z.random.pick(await articles(z)), (t) => setField(t, 'draft', t.includes('\ndraft: true') ? undefined : 'true')) },
  {
    name: 'add an article',
    apply: async (z) => {
      const folder = z.random.pick(await issueFolders(z));
      const author = z.random.pick(['[ada]', '[grace]', '["A Visitor"]']);
      const body = `## Added\n\nSee [the about page](../../pages/about.md#history) and [the issue](issue.md).\n`;
      return write(z, `${folder}/${z.random.int(1, 40)}-added-${z.serial}.md`, `---\ntitle: "Added ${z.serial}"\nauthors: ${author}\ntags: [t${z.serial % 3}]\n---\n${body}`);
    },
  },
  {
    name: 'remove or reorder an added article',
    apply: async (z) => {
      const added = (await articles(z)).filter((file) => file.includes('-added-'));
      if (added.length === 0) return [];
      const file = z.random.pick(added);
      if (z.random.next() < 0.5) return remove(z, file);
      const moved = file.replace(/\/\d+-added-/, `/${z.random.int(1, 40)}-added-`);
      await rename(path.join(z.root, file), path.join(z.root, moved));
      return [file, moved];
    },
  },
  { name: 'edit an editorial', apply: async (z) => rewrite(z, `${z.random.pick(await issueFolders(z))}/issue.md`, (t) => `${t}\nMore editorial ${z.serial}.\n`) },
  {
    name: 'toggle an issue date',
    apply: async (z) => rewrite(z, `${z.random.pick(await issueFolders(z))}/issue.md`, (t) => setField(t, 'date', /\ndate: /.test(t) ? undefined : `2026-04-${String(z.random.int(10, 28))}`)),
  },
  {
    name: 'add an issue',
    apply: async (z) => {
      const number = 2 + z.serial;
      const date = z.random.next() < 0.5 ? `date: 2026-05-${String(z.random.int(10, 28))}\n` : '';
      return [
        ...(await write(z, `content/issues/${number}/issue.md`, `---\ntitle: "Issue ${number}"\n${date}editors: [grace]\n---\nHello from issue ${number}.\n`)),
        ...(await write(z, `content/issues/${number}/10-opening.md`, `---\ntitle: "Opening ${number}"\nauthors: [ada]\n---\nIt opens.\n`)),
      ];
    },
  },
  {
    name: 'rename the first issue folder',
    apply: async (z) => {
      const from = (await issueFolders(z)).find((folder) => /\/0*1$/.test(folder));
      if (!from) return [];
      const to = from.endsWith('/001') ? 'content/issues/1' : 'content/issues/001';
      await rename(path.join(z.root, from), path.join(z.root, to));
      return [from, to];
    },
  },
  {
    name: 'edit site.yml',
    apply: async (z) =>
      rewrite(z, 'content/site.yml', (t) => {
        const lines = t.split('\n').filter((line) => line !== '');
        const choice = z.random.int(0, 2);
        if (choice === 0) return [...lines.filter((l) => !l.startsWith('title:')), `title: "Zine ${z.serial}"`].join('\n') + '\n';
        if (choice === 1) return (lines.some((l) => l.startsWith('geminiUrl:')) ? lines.filter((l) => !l.startsWith('geminiUrl:')) : [...lines, 'geminiUrl: gemini://zine.example/']).join('\n') + '\n';
        return (lines.some((l) => l.startsWith('feed:')) ? lines.filter((l) => !l.startsWith('feed:')) : [...lines, 'feed: { limit: 1 }']).join('\n') + '\n';
      }),
  },
  {
    name: 'add, edit or remove a French translation',
    apply: async (z) => {
      const original = z.random.pick(await articles(z));
      const translation = original.replace(/\.md$/, '.fr.md');
      const paths = await rewrite(z, 'content/site.yml', (t) => (t.includes('\nlanguages:') ? t : `${t}languages: [fr]\n`));
      const exists = await read(z, translation).then(() => true, () => false);
      if (exists && z.random.next() < 0.5) return [...paths, ...(await remove(z, translation))];
      return [...paths, ...(await write(z, translation, `---\ntitle: "Traduit ${z.serial}"\n---\nUn texte traduit.\n`))];
    },
  },
  {
    name: 'toggle the French edition',
    apply: async (z) => {
      const site = await read(z, 'content/site.yml');
      if (!site.includes('\nlanguages:')) return write(z, 'content/site.yml', `${site}languages: [fr]\n`);
      const translations = await files(z, 'content', /\.(fr|de)\.md$/);
      for (const file of translations) await remove(z, file);
      return [...(await write(z, 'content/site.yml', site.replace(/\nlanguages: .*\n/, '\n'))), ...translations];
    },
  },
  { name: 'rename an author', apply: async (z) => rewrite(z, 'content/authors.yml', (t) => t.replace(/name: Ada.*/, `name: Ada ${z.serial}`)) },
  // The guest "A Reader" then yields #a-reader to the handle, on the authors page and in every byline.
  { name: 'add or remove a handle a guest\'s name reads as', apply: async (z) => rewrite(z, 'content/authors.yml', (t) => (t.includes('\na-reader:') ? t.replace(/\na-reader:\n.*\n/, '') : `${t}\na-reader:\n  name: Reader ${z.serial}\n`)) },
  { name: 'toggle a page in the menu', apply: async (z) => rewrite(z, 'content/pages/about.md', (t) => setField(t, 'menu', /\nmenu: true/.test(t) ? 'false' : 'true')) },
  { name: 'edit a page body', apply: async (z) => rewrite(z, 'content/pages/about.md', (t) => `${t}\nA page paragraph ${z.serial}.\n`) },
  {
    name: 'add or remove a page',
    apply: async (z) => toggleOverride(z, 'content/pages/colophon.md', `---\ntitle: "Colophon ${z.serial}"\nmenu: ${String(z.random.next() < 0.5)}\norder: ${z.random.int(0, 3)}\n---\nSet in type.\n`),
  },
  { name: 'redraw the cover', apply: async (z) => write(z, (await issueFolders(z))[0] + '/cover.svg', `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Lamp ${z.serial}</title></svg>\n`) },
  { name: 'add or remove a static file', apply: async (z) => toggleOverride(z, 'content/static/note.txt', `note ${z.serial}\n`) },
  { name: 'override a web template', apply: async (z) => toggleOverride(z, 'themes/default/templates/partials/footer.liquid', `<footer><p>Footer ${z.serial} of {{ site.title }}</p></footer>\n`) },
  { name: 'override the stylesheet', apply: async (z) => toggleOverride(z, 'themes/default/assets/style.css', `body { color: #${String(100 + (z.serial % 800)).padStart(3, '0')}; }\n`) },
  { name: 'override a gemtext template', apply: async (z) => toggleOverride(z, 'themes/default/templates/gemini/partials/footer.liquid', `\n=> {{ page.root }} Home ${z.serial}\n`) },
  { name: 'override the UI strings', apply: async (z) => toggleOverride(z, 'themes/default/i18n/en.yml', `contents: "Inside ${z.serial}"\n`) },
  {
    name: 'break a front matter',
    apply: async (z) => {
      const file = z.random.pick(await articles(z));
      z.broken = { path: file, text: await read(z, file) };
      return write(z, file, `---\ntitle: [unclosed\n---\nBroken.\n`);
    },
  },
  {
    name: 'delete an article another one links to',
    apply: async (z) => {
      const file = (await articles(z)).find((candidate) => candidate.endsWith('/20-second.md'));
      if (!file) return [];
      z.broken = { path: file, text: await read(z, file) };
      return remove(z, file);
    },
  },
];

/**
 * Edits of a webzine with French and German editions: translations of articles, editorials and a
 * page added, edited, retitled, made drafts, and both editions turned on and off.
 */
export const translationEdits: Edit[] = [
  {
    name: 'add, edit or remove a translation',
    apply: async (z) => {
      const original = z.random.pick(await translatable(z));
      const language = z.random.pick(languages);
      const translation = original.replace(/\.md$/, `.${language}.md`);
      const paths = await translateInto(z);
      const exists = await read(z, translation).then(() => true, () => false);
      if (exists && z.random.next() < 0.4) return [...paths, ...(await remove(z, translation))];
      // The heading may be the one other texts link to (`#details`, `#history`) or not, which sends
      // those links to the page's top in this edition. An edit keeps the title: only the text changes.
      const heading = z.random.pick(['Details', 'History', 'Opening', 'Ailleurs']);
      const body = `## ${heading}\n\nUn texte traduit, ${language} ${z.serial}.\n`;
      if (exists) return [...paths, ...(await rewrite(z, translation, (t) => t.replace(/\n---\n[\s\S]*$/, `\n---\n${body}`)))];
      return [...paths, ...(await write(z, translation, `---\ntitle: "Traduit ${z.serial}"\n---\n${body}`))];
    },
  },
  {
    name: 'retitle a translation',
    apply: async (z) => {
      const translations = await files(z, 'content', /\.(fr|de)\.md$/);
      if (translations.length === 0) return [];
      return rewrite(z, z.random.pick(translations), (t) => setField(t, 'title', `"Retraduit ${z.serial}"`));
    },
  },
  {
    // A page has no drafts: only an article's or an editorial's translation can say it.
    name: 'toggle a translation draft',
    apply: async (z) => {
      const translations = await files(z, 'content/issues', /\.(fr|de)\.md$/);
      if (translations.length === 0) return [];
      return rewrite(z, z.random.pick(translations), (t) => setField(t, 'draft', t.includes('\ndraft: true') ? undefined : 'true'));
    },
  },
  {
    name: 'toggle the translated editions',
    apply: async (z) => {
      const site = await read(z, 'content/site.yml');
      if (!site.includes('\nlanguages:')) return translateInto(z);
      const translations = await files(z, 'content', /\.(fr|de)\.md$/);
      for (const file of translations) await remove(z, file);
      return [...(await write(z, 'content/site.yml', site.replace(/\nlanguages: .*\n/, '\n'))), ...translations];
    },
  },
];

/** Applies one random edit, or first undoes the last breaking one; each round makes every kind of edit once. */
export async function applyRandomEdit(zine: EditedZine, kinds: readonly Edit[] = edits): Promise<{ name: string; paths: string[] }> {
  zine.serial++;
  if (zine.broken) {
    const { path: file, text } = zine.broken;
    delete zine.broken;
    return { name: `repair ${file}`, paths: text === undefined ? await remove(zine, file) : await write(zine, file, text) };
  }
  if (!zine.bag?.length) zine.bag = shuffle(zine.random, kinds);
  const edit = zine.bag.pop()!;
  return { name: edit.name, paths: await edit.apply(zine) };
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}
