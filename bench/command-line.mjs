// What the bench scripts share on their command line: reading flags, printing the usage, and
// knowing whether a script was run rather than imported.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Calls `onFlag(flag, take)` for each flag of `argv`; `take()` consumes and returns the flag's
 * value, and throws when there is none.
 */
export function readFlags(argv, onFlag) {
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    onFlag(flag, () => {
      i += 1;
      if (argv[i] === undefined) throw new Error(`${flag} needs a value`);
      return argv[i];
    });
  }
}

/**
 * Parses this process's arguments with `parse`: `{ args }` to go on, or `{ exit }` after printing
 * the error or the usage (asked for with `--help`, or when `required` names an option left out).
 */
export function commandLine(name, usage, parse, required) {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${name}: ${error.message}\n${usage}`);
    return { exit: 2 };
  }
  if (args.help || (required !== undefined && args[required] === undefined)) {
    console.log(usage);
    return { exit: args.help ? 0 : 2 };
  }
  return { args };
}

/** Whether the module at `moduleUrl` is the script Node was started with. */
export function isEntryPoint(moduleUrl) {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(path.resolve(process.argv[1])).href;
}
