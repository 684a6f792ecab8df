// Loaded into a mimeo process with `node --import` by tests of interrupted builds: the process
// sends itself a signal at the point MIMEO_TEST_INTERRUPT names (`point:SIGNAL`), from inside the
// file system call, as Ctrl+C pressed at that very moment would. The points:
// - `staging`: after the third file written into the staging folder, before the swap;
// - `patch`: after the third file moved into the output folder by a patch, in its middle;
// - `swap`: after the first tree moved away by a whole swap, before its new one takes its place.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [point, signal = 'SIGINT'] = (process.env['MIMEO_TEST_INTERRUPT'] ?? '').split(':');
let count = 0;
const { renameSync, writeFileSync } = fs;

fs.writeFileSync = function (file, ...rest) {
  writeFileSync.call(this, file, ...rest);
  if (point === 'staging' && String(file).includes('.mimeo-staging') && ++count === 3) process.kill(process.pid, signal);
};

fs.renameSync = function (from, to) {
  renameSync.call(this, from, to);
  const into = String(to);
  if (point === 'patch' && String(from).includes('.mimeo-staging') && !into.includes('.mimeo-staging') && ++count === 3) process.kill(process.pid, signal);
  if (point === 'swap' && into.includes('.mimeo-retired') && ++count === 1) process.kill(process.pid, signal);
};

// The same for a swap that awaits its renames.
const { rename } = fs.promises;
fs.promises.rename = async function (from, to) {
  await rename.call(this, from, to);
  if (point === 'swap' && String(to).includes('.mimeo-retired') && ++count === 1) process.kill(process.pid, signal);
};

// mimeo imports these by name: its bindings now lead here.
syncBuiltinESMExports();
