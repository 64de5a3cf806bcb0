/**
 * An area's id as a reader may type it: "Norrmalm", " norrmalm " and "NORRMALM" all mean
 * "norrmalm". Area ids are lower-case ASCII (the register refuses others), so folding the
 * case is the whole rule; whether the id exists is the register's question.
 */
export function omradeIdAv(input: string): string {
  return input.trim().toLowerCase();
}
