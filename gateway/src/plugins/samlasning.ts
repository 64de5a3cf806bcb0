/**
 * Plain revision reads of one subgraph, shared by the requests waiting for one — without a
 * time window: a request joins only a read that has not started yet, so every read it
 * gets began after it arrived. While one read is in flight, the requests arriving meanwhile
 * gather for the next, which starts when the first returns. Under load that is one read
 * per subgraph per round trip instead of one per request. A plain read writes nothing and
 * answers only a number, so any waiting caller's valid token may ask it; reads whose audit
 * rows name the caller are never shared.
 */
export class Samlasning {
  private nasta?: {
    headers: Record<string, string>;
    svar: Promise<number>;
    starta: () => void;
  };
  private pagar = false;

  constructor(private readonly las_: (headers: Record<string, string>) => Promise<number>) {}

  las(headers: Record<string, string>): Promise<number> {
    if (this.nasta) return this.nasta.svar;
    let starta!: () => void;
    const startad = new Promise<void>((resolve) => {
      starta = resolve;
    });
    const nasta = {
      headers,
      starta,
      svar: startad.then(() => this.las_(headers)),
    };
    this.nasta = nasta;
    const klar = () => {
      this.pagar = false;
      this.starta();
    };
    nasta.svar.then(klar, klar);
    if (!this.pagar) this.starta();
    return nasta.svar;
  }

  private starta(): void {
    const nasta = this.nasta;
    if (!nasta || this.pagar) return;
    this.nasta = undefined;
    this.pagar = true;
    nasta.starta();
  }
}
