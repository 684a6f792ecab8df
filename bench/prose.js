// Seeded randomness and generated prose for the benchmark corpus: a mulberry32 PRNG, sentences
// from templates over the word lists, and paragraphs with inline Markdown (emphasis, strong, code).

import { adjectives, adverbs, codeWords, firstNames, nouns, prepositions, times, verbs } from './words.js';

/** A 32-bit hash of a string (FNV-1a), to derive independent seeds from a seed and a name. */
export function hashSeed(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded random source: mulberry32, with helpers to pick, shuffle and draw integers. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (probability) => next() < probability;
  const sample = (list, count) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  };
  return { next, int, pick, chance, sample };
}

/** `word` with its first letter in upper case. */
export function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function withArticle(random, word) {
  const determiner = random.pick(['the', 'the', 'a', 'every', 'one', 'our', 'that']);
  if (determiner === 'a' && /^[aeiou]/.test(word)) return ['an', word];
  return [determiner, word];
}

function nounPhrase(random, adjectiveChance = 0.5) {
  const noun = random.pick(nouns);
  return random.chance(adjectiveChance) ? withArticle(random, `${random.pick(adjectives)} ${noun}`).join(' ').split(' ') : withArticle(random, noun);
}

/** Sentence shapes, each returning its words (a trailing comma is part of a word). */
const templates = [
  (r) => [...nounPhrase(r), r.pick(verbs), ...nounPhrase(r)],
  (r) => [...nounPhrase(r), r.pick(verbs), ...nounPhrase(r), r.pick(prepositions), ...appendComma(nounPhrase(r)), 'and', ...nounPhrase(r, 0), r.pick(verbs), 'it', r.pick(adverbs)],
  (r) => ['when', ...nounPhrase(r, 0), r.pick(verbs), ...appendComma(nounPhrase(r)), ...nounPhrase(r), r.pick(verbs), 'it', r.pick(adverbs)],
  (r) => ['it', 'is', ...appendComma([r.pick(adjectives)]), 'but', ...nounPhrase(r), 'still', r.pick(verbs), ...nounPhrase(r, 0), 'every', r.pick(times)],
  (r) => [r.pick(firstNames), r.pick(verbs), ...nounPhrase(r), r.pick(prepositions), ...nounPhrase(r)],
  (r) => ['in', `${r.int(1998, 2024)},`, ...nounPhrase(r), r.pick(verbs), ...nounPhrase(r), r.pick(prepositions), ...nounPhrase(r)],
  (r) => ['nobody', 'expected', ...nounPhrase(r), 'to', 'last', 'this', 'long,', 'yet', 'it', r.pick(verbs), ...nounPhrase(r), r.pick(adverbs)],
  (r) => [...nounPhrase(r), 'is', r.pick(adjectives), 'and', r.pick(adjectives), 'and', 'nobody', 'minds'],
];

function appendComma(words) {
  return [...words.slice(0, -1), `${words.at(-1)},`];
}

/** One plain sentence, capitalized and with its full stop. */
export function sentence(random) {
  const words = random.pick(templates)(random);
  return `${capitalize(words.join(' '))}.`;
}

const nounSet = new Set(nouns);
const modifierSet = new Set([...adjectives, ...adverbs, ...nouns]);

/** One sentence with, now and then, emphasis or strong emphasis on a word, or a noun in inline code. */
export function richSentence(random) {
  const words = random.pick(templates)(random);
  if (random.chance(0.4)) {
    const style = random.int(0, 2);
    const allowed = style === 2 ? nounSet : modifierSet;
    const candidates = words.map((word, index) => (index > 0 && allowed.has(word) ? index : -1)).filter((index) => index > 0);
    if (candidates.length > 0) {
      const index = random.pick(candidates);
      if (style === 0) words[index] = `*${words[index]}*`;
      else if (style === 1) words[index] = `**${words[index]}**`;
      else words[index] = `\`${random.pick(codeWords)}\``;
    }
  }
  return `${capitalize(words.join(' '))}.`;
}

/** A paragraph of `min` to `max` sentences, with inline markup. */
export function paragraph(random, min = 3, max = 6) {
  const sentences = [];
  for (let i = random.int(min, max); i > 0; i--) sentences.push(richSentence(random));
  return sentences.join(' ');
}

/** A short title-like phrase of simple words: `Quiet battery`, `The spare router`. */
export function phrase(random) {
  const shapes = [
    () => [random.pick(adjectives), random.pick(nouns)],
    () => ['the', random.pick(adjectives), random.pick(nouns)],
    () => [random.pick(nouns), 'and', random.pick(nouns)],
    () => ['what', 'the', random.pick(nouns), random.pick(verbs)],
    () => [random.pick(nouns), random.pick(prepositions), 'the', random.pick(nouns)],
  ];
  return capitalize(random.pick(shapes)().join(' '));
}

/** How many words a piece of Markdown holds, roughly: runs of letters. */
export function countWords(text) {
  return (text.match(/[A-Za-z]+(?:'[a-z]+)?/g) ?? []).length;
}
