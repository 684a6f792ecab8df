import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What a folder already has of the files `mimeo new webzine` adds to rather than writes. */
export interface SetupFiles {
  /** The text of its `.gitignore`, when it has one. */
  gitignore?: string;
  /** The text of its `.gitattributes`, when it has one. */
  gitattributes?: string;
  /** The names of the scripts of its `package.json`, when it has one (none when it is not JSON). */
  scripts?: string[];
}

/** Reads the `.gitignore`, `.gitattributes` and `package.json` of `root`, those that exist. */
export async function readSetupFiles(root: string): Promise<SetupFiles> {
  const [gitignore, gitattributes, manifest] = await Promise.all(['.gitignore', '.gitattributes', 'package.json'].map((file) => readIfAny(path.join(root, file))));
  const result: SetupFiles = {};
  if (gitignore !== undefined) result.gitignore = gitignore;
  if (gitattributes !== undefined) result.gitattributes = gitattributes;
  if (manifest !== undefined) result.scripts = scriptNames(manifest);
  return result;
}

function scriptNames(manifest: string): string[] {
  try {
    const parsed: unknown = JSON.parse(manifest);
    const scripts = typeof parsed === 'object' && parsed !== null && 'scripts' in parsed ? parsed.scripts : undefined;
    return typeof scripts === 'object' && scripts !== null ? Object.keys(scripts) : [];
  } catch {
    // A package.json npm can not read either: the scripts to add are all of them, and npm says what is wrong.
    return [];
  }
}

async function readIfAny(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw new Error(`could not read ${file}`, { cause: error });
  }
}
