// Which Chromium the browser tests drive: the system's (Debian's `chromium` package; .ci/run
// installs it), never a browser that playwright downloads.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type ChromiumLookup =
  | { readonly found: true; readonly path: string; readonly how: string }
  | {
      readonly found: false;
      readonly reason: string;
      /** INNOROUTE_CHROMIUM names a file that is not there: a mistake to report, never to skip. */
      readonly misconfigured: boolean;
    };

/** The names tried on PATH, in order, when INNOROUTE_CHROMIUM is not set. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser'] as const;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * INNOROUTE_CHROMIUM when set (it must then be an executable: a wrong setting is not silently
 * replaced by another browser), else the first of CHROMIUM_NAMES on PATH.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const chosen = env.INNOROUTE_CHROMIUM;
  if (chosen) {
    return executable(chosen)
      ? { found: true, path: chosen, how: 'INNOROUTE_CHROMIUM' }
      : {
          found: false,
          reason: `INNOROUTE_CHROMIUM=${chosen} is not an executable file`,
          misconfigured: true,
        };
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (executable(path)) return { found: true, path, how: `${name} on PATH` };
    }
  }
  return {
    found: false,
    reason:
      `no Chromium found: neither INNOROUTE_CHROMIUM is set nor ${CHROMIUM_NAMES.join(' or ')} is on PATH ` +
      `(install the Debian package: apt-get install chromium)`,
    misconfigured: false,
  };
}

/** Whether this run is CI, where a missing browser fails instead of skipping. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}
