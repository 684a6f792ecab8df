import type { ScaffoldRegion, ScaffoldWrite } from '../../write/write-scaffold.js';
import { exitCodes, type Terminal } from '../usage.js';

/**
 * Tells why `mimeo new` wrote nothing: files already there, or a folder leading out of `region`
 * through a symbolic link. Gives the exit code, 1.
 */
export function refuseUnwritten(result: Exclude<ScaffoldWrite, { written: string[] }>, region: ScaffoldRegion, terminal: Terminal): number {
  if ('outside' in result) {
    const where = region === 'content' ? 'content/' : "the webzine's folder";
    terminal.err(`mimeo: ${result.outside.join(', ')} would be written outside ${where} through a symbolic link; nothing was written\n`);
    return exitCodes.content;
  }
  const verb = result.existing.length === 1 ? 'exists' : 'exist';
  terminal.err(`mimeo: ${result.existing.join(', ')} already ${verb}, and mimeo new never overwrites a file; nothing was written\n`);
  return exitCodes.content;
}
