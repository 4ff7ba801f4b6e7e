// Known user errors carry the exit code they end in; only main.ts turns them into a process exit.
// Anything else that reaches main is a bug and is reported as such (still without a stack trace
// unless INNOROUTE_DEBUG is set).

export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** Exit 2: the command could not run (bad usage, unreadable or malformed input). */
export class UsageError extends ExitError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Exit 130: interrupted by the user. */
export class InterruptedError extends ExitError {
  constructor(message = 'interrupted') {
    super(message, 130);
    this.name = 'InterruptedError';
  }
}
