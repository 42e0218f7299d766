/** An error about one input, naming where it is, what is wrong and how to fix it. */
export class InputError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${where}: ${problem}. Fix: ${fix}.`);
    this.name = 'InputError';
  }
}
