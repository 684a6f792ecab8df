import { createHash, hash as hashOnce } from 'node:crypto';
import type { ThemeFiles } from '../load/load-theme.js';
import { codeFingerprint } from '../compile/file-cache.js';
import { runtimeFacts } from '../write/build-stamp.js';

/** What every output made with a theme is made of: mimeo's code, Node and its ICU, and the theme's files. */
export function themeFingerprint(files: ThemeFiles): string {
  // Node and its ICU are inputs of every page (see `runtimeFacts`).
  const hash = createHash('sha1').update(codeFingerprint()).update(runtimeFacts());
  for (const [name, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(name).update('\0').update(file.under?.bytes ?? '').update('\0').update(file.bytes);
  return hash.digest('base64');
}

/** The key of what `name` (a template, or a file made without one) makes of `inputs`, with the theme and mimeo of `fingerprint`. */
export function inputsKey(fingerprint: string, name: string, inputs: string): string {
  return hashOnce('sha1', `${fingerprint}\0${name}\0inputs\0${inputs}`, 'base64');
}

/** The key of an output that read the build's commit or its date: kept only for the same commit. */
export function withCommit(key: string, commit: string, committed: string | undefined): string {
  return `${key} commit=${commit} ${committed ?? ''}`;
}

/**
 * The key of a page: the theme, the template and the context as JSON. The UI strings and the
 * theme's settings (`site.extra`), the same objects on every page, enter by their own hash,
 * computed once a build: as JSON on every page, settings of megabytes took minutes and gigabytes.
 */
export function pageKey(fingerprint: string, name: string, context: object): string {
  const record = context as { strings?: object; site?: { extra?: unknown } };
  const stringsKey = sharedKey(record.strings);
  const extraKey = sharedKey(record.site?.extra);
  // The context is made for this key alone: it can lose its shared parts (JSON leaves out undefined).
  record.strings = undefined;
  if (record.site) record.site.extra = undefined;
  return hashOnce('sha1', `${fingerprint}\0${name}\0${stringsKey}\0${extraKey}\0${JSON.stringify(context)}`, 'base64');
}

/** The hash of an object shared by the pages of a build, by identity: made once; `''` for none. */
function sharedKey(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let key = sharedKeys.get(value);
  if (key === undefined) {
    key = hashOnce('sha1', JSON.stringify(value), 'base64');
    sharedKeys.set(value, key);
  }
  return key;
}

const sharedKeys = new WeakMap<object, string>();
