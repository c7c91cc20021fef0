/** What a check found wrong, collected so that one run reports every problem at once. */
export class Findings {
  readonly problems: string[] = [];

  /** Records `problem` unless `ok`; says whether it was. */
  expect(ok: unknown, problem: string): boolean {
    if (!ok) this.problems.push(problem);
    return Boolean(ok);
  }
}

export function step(title: string): void {
  console.log(`\n== ${title}`);
}
