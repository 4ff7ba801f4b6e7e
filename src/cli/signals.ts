// The signals that end a run, handled in one place. While innoroute has something to undo (a
// temporary file of --out, a batch under way), SIGINT, SIGTERM, SIGHUP and SIGQUIT are caught: the
// temporary files are removed at once, the command winds down (batch stops reading and stops its
// worker threads), and the process ends with 128 + the signal's number (130, 143, 129, 131;
// contract §5) and one line on stderr. A second signal, or a wind-down that takes longer than
// SIGNAL_GRACE_MS, ends the process at once; the temporary files are gone already.
//
// Outside those stretches nothing is caught: the default ends the process at once, and there is
// nothing to clean up. That is on purpose: a handler only runs when the event loop does, so one
// installed for the whole run would leave Ctrl+C powerless while a read blocks (an answers file
// that is a FIFO).
//
// SIGQUIT (Ctrl+\) is treated like SIGTERM rather than left to dump core: a core file of a Node
// process helps nobody who runs innoroute, and a temporary file left behind is what this module is
// for. SIGPIPE is not a signal here: Node ignores it, and a closed stdout shows as a write that
// fails with EPIPE, which main.ts turns into 141 (src/cli/output.ts).
import { constants } from 'node:os';
import { removeTemporaryFiles } from '../io/atomic.ts';
import { ExitError } from './errors.ts';

export const CAUGHT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;
export type CaughtSignal = (typeof CAUGHT_SIGNALS)[number];

/** After a signal, how long a command may take to wind down before the process ends anyway. */
export const SIGNAL_GRACE_MS = 3000;

/** The exit code of a process ended by `signal`: 128 + its number. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

const SAID: Record<CaughtSignal, string> = {
  SIGINT: 'interrupted',
  SIGTERM: 'terminated (SIGTERM)',
  SIGHUP: 'hung up (SIGHUP)',
  SIGQUIT: 'quit (SIGQUIT)',
};

/** A run ended by a signal: exit 128 + n, with one line that says which. */
export class SignalExit extends ExitError {
  constructor(readonly signal: CaughtSignal) {
    super(SAID[signal], signalExitCode(signal));
    this.name = 'SignalExit';
  }
}

/** A stretch of a run during which the signals are caught. */
export interface SignalScope {
  /** Aborted at the first signal, with the SignalExit to end with as its reason. */
  readonly signal: AbortSignal;
  /** Throws the SignalExit when a signal came. */
  throwIfSignalled(): void;
  /** Stops catching (the last scope to close hands the signals back to the default). */
  close(): void;
}

const scopes = new Set<AbortController>();
let received: CaughtSignal | undefined;
let installed = false;

function onSignal(signal: CaughtSignal): void {
  // first, whatever else happens: no temporary file survives a signal
  removeTemporaryFiles();
  // a second signal, or one that came during a stretch of synchronous work that is over now
  if (received !== undefined || scopes.size === 0) {
    end(received ?? signal);
    return;
  }
  received = signal;
  const exit = new SignalExit(signal);
  for (const c of scopes) c.abort(exit);
  setTimeout(() => end(signal), SIGNAL_GRACE_MS).unref();
}

function end(signal: CaughtSignal): never {
  removeTemporaryFiles();
  process.stderr.write(`innoroute: ${SAID[signal]}\n`);
  process.exit(signalExitCode(signal));
}

const handlers = new Map<CaughtSignal, () => void>(
  CAUGHT_SIGNALS.map((s) => [s, () => onSignal(s)]),
);

function install(): void {
  if (installed) return;
  installed = true;
  for (const [s, h] of handlers) {
    try {
      process.on(s, h);
    } catch {
      // a signal the platform does not have (SIGQUIT on Windows): nothing to catch
    }
  }
}

function uninstall(): void {
  if (!installed || scopes.size > 0 || received !== undefined) return;
  installed = false;
  for (const [s, h] of handlers) process.off(s, h);
}

/**
 * Catches the signals until close(). The handlers go only after the event loop has polled once
 * more (two turns of setImmediate: the first may come before the poll of the turn it was made
 * in), so that a signal that came while synchronous work ran (an atomic write) is still seen and
 * ends the process with its code.
 */
export function catchSignals(): SignalScope {
  const controller = new AbortController();
  scopes.add(controller);
  install();
  return {
    signal: controller.signal,
    throwIfSignalled() {
      if (controller.signal.aborted) throw controller.signal.reason as SignalExit;
    },
    close() {
      if (!scopes.delete(controller)) return;
      if (scopes.size === 0) setImmediate(() => setImmediate(uninstall));
    },
  };
}

/** Runs synchronous work (an atomic write) with the signals caught. */
export function withSignalsCaught<T>(work: () => T): T {
  const scope = catchSignals();
  try {
    return work();
  } finally {
    scope.close();
  }
}
