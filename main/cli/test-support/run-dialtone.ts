import { execFile } from 'node:child_process';
import { PROJECT_ROOT } from '../project-root';

/** What a spawned `dialtone` run left: its exit code and both streams. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `dialtone <args>` as a person would: spawned from the project root, as `npx dialtone` does. */
export function runDialtone(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/dialtone.mjs', ...args],
      { cwd: PROJECT_ROOT },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
