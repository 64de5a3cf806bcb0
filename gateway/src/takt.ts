/**
 * One caller's subgraph reads in waves, so that the fetches of one plan level go out
 * together even when the answers they follow arrive at different times.
 *
 * Apollo Gateway starts a fetch as soon as the answer it depends on is in: in the
 * lägesbild's plan, forvaltning's places for klotter's reports follow klotter's answer and
 * forvaltning's places for polis's events follow polis's, so batching by turn alone sends
 * forvaltning two requests whenever the two answers arrive in different turns. A wave holds
 * the caller's reads that begin while its earlier reads are still out, and lets them all go
 * in one turn when the last of those is answered; the subgraph client then sends each
 * subgraph's share of them as one request (subgraph-fetch.ts).
 *
 * What it costs: a read waits for the caller's other reads in flight, never longer (each
 * ends by its source's deadline). The caller's response waits for all of them anyway, so
 * a plan whose levels are one fetch deep after a common parent (the lägesbild's) ends no
 * later; a plan with a deep chain beside one slow fetch ends later by the chain's tail.
 */
export class Takt {
  /** Reads sent in the current or an earlier wave and not yet answered. */
  private ute = 0;
  /** A wave is gathering: reads that begin in this turn join it. */
  private oppen = false;
  private vantande: (() => void)[] = [];

  /** Resolves when the read may be sent; pair every call with one `klar()`. */
  borja(): Promise<void> | undefined {
    if (this.ute === 0 || this.oppen) {
      this.ga();
      return undefined;
    }
    return new Promise<void>((resolve) => {
      this.vantande.push(resolve);
    });
  }

  /** The read was answered (or failed). */
  klar(): void {
    this.ute -= 1;
    if (this.ute > 0 || this.vantande.length === 0) return;
    const nasta = this.vantande;
    this.vantande = [];
    for (const resolve of nasta) {
      this.ga();
      resolve();
    }
  }

  private ga(): void {
    this.ute += 1;
    if (this.oppen) return;
    this.oppen = true;
    setImmediate(() => {
      this.oppen = false;
    });
  }
}

/** One Takt per caller's request context, kept only as long as the context lives. */
const takter = new WeakMap<object, Takt>();

export function taktFor(context: object): Takt {
  let takt = takter.get(context);
  if (!takt) {
    takt = new Takt();
    takter.set(context, takt);
  }
  return takt;
}
