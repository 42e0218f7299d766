/**
 * An error about one input, naming where it is, what is wrong and how to fix it; `path` optionally locates it inside a
 * structured input (e.g. `groups[2].variants[0].stance`) so a form can show it next to its field.
 */
export class InputError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
    readonly fix: string,
    readonly path = '',
  ) {
    super(`${where}: ${problem}. Fix: ${fix}.`);
    this.name = 'InputError';
  }
}

/** Parses JSON text, or throws an InputError naming where it came from and how to fix it. */
export function parseJsonInput(source: string, where: string, fix = 'fix the syntax'): unknown {
  try {
    return JSON.parse(source);
  } catch (e) {
    throw new InputError(where, `is not valid JSON (${(e as Error).message})`, fix);
  }
}
