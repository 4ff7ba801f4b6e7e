// The rules cannot be used: the rule directory cannot be read, or the rule set has errors. The
// message says what to do; the CLI prints it and ends with exit 2. It lives in a module of its own
// so that main.ts can recognise it without loading the loader.
export class RuleSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSetError';
  }
}
