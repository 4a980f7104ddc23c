import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root, where the operator's commands are (`bin/`). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Grants an account a role as an operator does, with `bin/roles grant <role> <email>` (README),
 * run from the repository's root with this process's environment, so it changes the databases
 * the system under test runs on (TICKETING_DB_SUFFIX and the rest, as bin/run has them). The
 * role is in the account's next token: it takes effect at its next sign-in or refresh.
 */
export async function grantRole(role: string, email: string): Promise<void> {
  try {
    await run(path.join(REPO_ROOT, 'bin/roles'), ['grant', role, email], {
      cwd: REPO_ROOT,
      env: process.env,
      timeout: 90_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `bin/roles grant ${role} ${email} failed: ${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`,
    );
  }
}
