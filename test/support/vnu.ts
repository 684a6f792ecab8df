import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** One message of the Nu Html Checker. */
export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

/**
 * Runs the Nu Html Checker (npm vnu-jar, on the machine's Java) over files or folders and gives
 * its errors, as `file:line: message` lines so a failure reads at a glance.
 */
export async function checkHtml(paths: string[], options: { css?: boolean } = {}): Promise<string[]> {
  const jar = String(require('vnu-jar'));
  const args = ['-jar', jar, '--format', 'json', '--exit-zero-always', '--skip-non-html', ...(options.css ? ['--also-check-css'] : []), ...paths];
  const { stderr } = await run('java', args, { maxBuffer: 64 * 1024 * 1024 });
  const { messages } = JSON.parse(stderr) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${m.url.replace(/^file:/, '')}:${m.lastLine ?? 0}: ${m.message}`);
}
