import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { refusalReason, RefusalError } from '../diagnostics/refusal.js';
import { buildHelp, checkHelp, devHelp, mainHelp, newHelp, schemaHelp } from './help.js';
import { exitCodes, UsageError, type Terminal } from './usage.js';

const processTerminal: Terminal = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // CI logs keep every byte written, so an updating line is for terminals people watch (issue 7).
  isInteractive: process.stderr.isTTY === true && !process.env['CI'],
};

const helps: Record<string, string> = { build: buildHelp, check: checkHelp, dev: devHelp, new: newHelp, schema: schemaHelp };

/** Runs the mimeo command line with `args` (without `node` and the script) and gives the exit code. */
export async function main(args: readonly string[], terminal: Terminal = processTerminal, cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      // `mimeo -h build` is `mimeo build -h`, and `mimeo -h nosuch` is `mimeo nosuch -h`: an unknown command.
      const help = rest[0] === undefined ? mainHelp : helpOf(rest[0]);
      if (help === undefined) throw unknownCommand(rest[0]!);
      terminal.out(help);
      return command === undefined ? exitCodes.usage : exitCodes.success;
    }
    if (command === '-v' || command === '--version') {
      terminal.out(`${version()}\n`);
      return exitCodes.success;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      const help = helpOf(command);
      if (help === undefined) throw unknownCommand(command);
      terminal.out(help);
      return exitCodes.success;
    }
    return await runCommand(command, rest, terminal, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      const helpCommand = error.command ? `mimeo ${error.command} --help` : 'mimeo --help';
      terminal.err(`mimeo: ${error.message}\nSee \`${helpCommand}\`.\n`);
      return exitCodes.usage;
    }
    if (error instanceof RefusalError) {
      terminal.err(`mimeo: ${error.message}\nhint: ${error.hint}\n`);
      if (rest.includes('--debug')) terminal.err(`${describe(error)}\n`);
      return exitCodes.internal;
    }
    const refused = systemError(error);
    if (refused) {
      terminal.err(`mimeo: ${refused}\nhint: mimeo must be able to write its output folder (--out) and its cache folder (--cache-dir): check both, and that the disk has room left\n`);
      if (rest.includes('--debug')) terminal.err(`${describe(error)}\n`);
      return exitCodes.internal;
    }
    terminal.err(`mimeo: internal error. This is a bug in mimeo; please report it with the text below.\n${describe(error)}\n`);
    return exitCodes.internal;
  }
}

/** The help of command `name`, if mimeo has such a command (not `toString`, which every object has). */
function helpOf(name: string | undefined): string | undefined {
  return name !== undefined && Object.hasOwn(helps, name) ? helps[name] : undefined;
}

async function runCommand(command: string, args: readonly string[], terminal: Terminal, cwd: string): Promise<number> {
  switch (command) {
    case 'build':
      return (await import('./commands/build.js')).runBuild(parse(command, args, buildOptions), terminal, cwd);
    case 'check':
      return (await import('./commands/check.js')).runCheck(parse(command, args, checkOptions), terminal, cwd);
    case 'schema':
      return (await import('./commands/schema.js')).runSchema(parse(command, args, {}, true), terminal);
    case 'new':
      return (await import('./commands/new.js')).runNew(parse(command, args, newOptions, true), terminal, cwd);
    case 'dev':
      return (await import('./commands/dev.js')).runDev(parse(command, args, devOptions), terminal, cwd);
    default:
      throw unknownCommand(command);
  }
}

/** The usage error for a command mimeo does not have, with the one it looks like a typo of (`buld`). */
function unknownCommand(command: string): UsageError {
  const near = didYouMean(command, Object.keys(helps));
  return new UsageError(`unknown command "${command}"${near === undefined ? '' : `; did you mean "${near}"?`}`, '');
}

const common = { root: { type: 'string' }, debug: { type: 'boolean' } } as const;
const compiling = { 'no-cache': { type: 'boolean' }, 'cache-dir': { type: 'string' }, jobs: { type: 'string' } } as const;
const buildOptions = { ...common, ...compiling, out: { type: 'string' }, drafts: { type: 'boolean' }, 'base-url': { type: 'string' } } as const;
const checkOptions = { ...common, ...compiling, format: { type: 'string' }, drafts: { type: 'boolean' }, changed: { type: 'string' } } as const;
const newOptions = { ...common, issue: { type: 'string' } } as const;
const devOptions = { ...common, port: { type: 'string' }, host: { type: 'string' }, open: { type: 'boolean' } } as const;

/** Parsed arguments of one command. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function parse(command: string, args: readonly string[], options: ParseArgsConfig['options'], positionals = false): ParsedArgs {
  try {
    const parsed = parseArgs({ args: [...args], options: options ?? {}, strict: true, allowPositionals: positionals });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1), command);
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

// What each call was doing, in words.
const actions: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'make the folder',
  rename: 'move',
  lstat: 'look at',
  stat: 'look at',
  unlink: 'remove',
  rmdir: 'remove the folder',
  rm: 'remove',
  copyfile: 'copy to',
  link: 'link to',
  scandir: 'list',
};

/**
 * What the file system refused, when `error` is such a refusal (a full disk, an output folder
 * below a file or read-only): not a bug of mimeo, so told without a stack trace.
 */
function systemError(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const reason = refusalReason(error);
  if (reason === undefined) return undefined;
  const { syscall, path } = error as NodeJS.ErrnoException;
  return `could not ${actions[syscall!] ?? syscall}${path ? ` ${path}` : ''}: ${reason}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    let text = error.stack ?? error.message;
    if (error.cause !== undefined) text += `\ncaused by: ${describe(error.cause)}`;
    return text;
  }
  return String(error);
}
