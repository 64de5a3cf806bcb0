import {
  LAGESBILD_RAPPORT,
  olasbarPeriodText,
  periodLageText,
  periodNamn,
  type Lagesbild as Rapport,
} from '@lagesbild/rapport';
import { useEffect, useId, useMemo, useState } from 'react';
import { Diagram } from './components/Diagram';
import { FaststalldLagesbild } from './components/FaststalldLagesbild';
import { Handlingsplan } from './components/Handlingsplan';
import { Hotspots } from './components/Hotspots';
import { Kallor } from './components/Kallor';
import { KlotterDiagram } from './components/KlotterDiagram';
import { Meddelande } from './components/Meddelande';
import { MiljoTabell } from './components/MiljoTabell';
import { PeriodValjare } from './components/PeriodValjare';
import { RollValjare, rollFranAdressen } from './components/RollValjare';
import { SlaDiagram } from './components/SlaDiagram';
import { Trend } from './components/Trend';
import { felText } from './graphql';
import { type Lagesbild, type Omrade, okantOmrade, tackning, verkligaFel } from './lagesbild';
import { PARTNERS } from './partners';
import { type PeriodVal, parsePeriod, periodEtikett, periodStart, periodString } from './period';
import { LAGESBILD_QUERY, OMRADEN_QUERY } from './queries';
import { useGraphQL } from './useGraphQL';

/** The embedded data set is Norrmalm's 2016 picture; a link can choose anything else. */
const STANDARD_OMRADE = 'norrmalm';
const STANDARD_PERIOD: PeriodVal = { typ: 'AR', ar: 2016, del: 1 };

/**
 * Where GraphiQL is, as the gateway says in the page it serves (a meta element it adds only
 * while it serves GraphiQL), or null: in production GraphiQL is off, and the page then
 * offers no link that would lead nowhere.
 */
function graphiqlAdress(): string | null {
  return document.querySelector('meta[name="lagesbild-graphiql"]')?.getAttribute('content') || null;
}

/**
 * The choice in the address. Any period the graph accepts is kept as it is (a month
 * "2016-11" or a week "2016-W45" too); one that cannot be read is named, so that the page
 * does not silently show another period than the link asked for.
 */
function franAdressen() {
  const q = new URLSearchParams(window.location.search);
  const adressens = q.get('period');
  const lasbar = adressens ? parsePeriod(adressens) : null;
  const period = lasbar ?? STANDARD_PERIOD;
  const sedan = q.get('sedan');
  return {
    omrade: q.get('omrade') || STANDARD_OMRADE,
    period,
    olasbarPeriod: adressens && !lasbar ? adressens : null,
    sedan,
    roll: rollFranAdressen(q),
  };
}

export function App() {
  const start = useMemo(franAdressen, []);
  const graphiql = useMemo(graphiqlAdress, []);
  const [omrade, setOmrade] = useState(start.omrade);
  const [period, setPeriod] = useState<PeriodVal>(start.period);
  // Until the reader picks a date, "changed since" follows the start of the chosen period.
  const [valtSedan, setValtSedan] = useState<string | null>(start.sedan);
  const [forsok, setForsok] = useState(0);
  const [roll, setRoll] = useState<string | null>(start.roll);
  const periodText = periodString(period);
  const sedan = valtSedan ?? periodStart(period);
  const omradeId = useId();
  // A collaborating actor (församlingar, räddningstjänst, SL …) reads adopted publications
  // only: the page asks nothing of the live picture for it.
  const baraFaststalld = roll === 'SAMVERKANSPART';

  // The choice lives in the address, so a link shows the same picture.
  useEffect(() => {
    const q = new URLSearchParams({ omrade, period: periodText });
    if (valtSedan) q.set('sedan', valtSedan);
    if (roll) q.set('roll', roll);
    window.history.replaceState(null, '', `${window.location.pathname}?${q}`);
  }, [omrade, periodText, valtSedan, roll]);

  const variabler = { omrade, period: periodText };
  const omraden = useGraphQL<{ omraden: Omrade[] }>(OMRADEN_QUERY, {}, forsok, roll);
  const levande = useGraphQL<{ lagesbild: Lagesbild | null }>(
    LAGESBILD_QUERY,
    baraFaststalld ? null : variabler,
    forsok,
    roll,
  );
  // Not asked for a collaborating actor: nothing of an earlier role's answer stays on the page.
  const lagesbild: typeof levande = baraFaststalld
    ? { laddar: false, svar: null, fel: null }
    : levande;
  // The council's combined query, as the meeting report reads it: the hotspots and the SLA.
  const rapport = useGraphQL<{ lagesbild: Rapport | null }>(
    LAGESBILD_RAPPORT,
    baraFaststalld ? null : variabler,
    forsok,
    roll,
  );
  const rapportBild = rapport.svar?.data?.lagesbild ?? null;
  const rapportLank = `rapport.html?${new URLSearchParams({
    omrade,
    period: periodText,
    ...(roll ? { roll } : {}),
  })}`;

  // The last list that arrived stays while förvaltning (which owns the areas) is away.
  const [kanda, setKanda] = useState<Omrade[]>([]);
  const hamtade = omraden.svar?.data?.omraden;
  useEffect(() => {
    if (hamtade) setKanda(hamtade);
  }, [hamtade]);
  const namnPa = (id: string) => kanda.find((o) => o.id === id)?.namn ?? id;
  const kandOmrade = kanda.some((o) => o.id === omrade);

  const bild = lagesbild.svar?.data?.lagesbild ?? null;
  const fel = lagesbild.svar?.errors ?? [];
  // An area the gateway does not know is the reader's question, not an outage: no source is
  // named as missing, nothing is fetched for it, and it is not added to the list of areas.
  const okant = bild ? null : okantOmrade(fel);
  const kallor = okant
    ? null
    : lagesbild.svar
      ? tackning(bild, fel)
      : lagesbild.fel
        ? tackning(null, [])
        : null;
  const saknadeKallor = (kallor ?? []).filter((k) => k.tackning === 'EJ_TILLGANGLIG');
  const saknade = saknadeKallor.map((k) => k.partner.namn);
  // Partners whose live data this reader is not cleared for: said as such, never as missing.
  const ejBehoriga = new Set(
    (kallor ?? []).filter((k) => k.tackning === 'EJ_BEHORIG').map((k) => k.partner.falt),
  );
  const omradeNamn = okant ? `okänt område ”${omrade}”` : namnPa(omrade);

  // The gateway reads an area id without regard to case ("Norrmalm"); the page then keeps
  // the canonical id, so the list shows the area and the address says it as the graph does.
  const kanonisk = bild?.omradeId;
  useEffect(() => {
    if (kanonisk && kanonisk !== omrade) setOmrade(kanonisk);
  }, [kanonisk, omrade]);
  const lage = bild ? periodLageText(bild.periodLage) : null;
  /** A period the page links to (an adopted version's), as the period chooser holds it. */
  const valjPeriod = (text: string) => {
    const vald = parsePeriod(text);
    if (vald) setPeriod(vald);
  };

  return (
    <>
      <header className="sidhuvud">
        <div>
          <h1>Lägesbild</h1>
          <p className="underrubrik">
            Samlad lägesbild för trygghets- och säkerhetsrådet: {omradeNamn},{' '}
            {periodEtikett(periodText)}
          </p>
        </div>
        <nav aria-label="Andra vyer">
          {!okant && !baraFaststalld && (
            <a href={`/dashboard/${rapportLank}`} target="_blank" rel="noopener">
              Rapport för rådsmöte
            </a>
          )}
          {graphiql && <a href={graphiql}>GraphiQL – ställ egna frågor</a>}
        </nav>
      </header>

      <main>
        <form
          className="val"
          onSubmit={(e) => e.preventDefault()}
          aria-label="Välj område och period"
        >
          <div className="falt">
            <label htmlFor={omradeId}>Område</label>
            <select
              id={omradeId}
              value={kandOmrade ? omrade : ''}
              onChange={(e) => setOmrade(e.target.value)}
            >
              {!kandOmrade && (
                <option value="" disabled>
                  {kanda.length === 0 ? 'Hämtar områden …' : 'Välj område'}
                </option>
              )}
              {kanda.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.namn}
                </option>
              ))}
            </select>
            {kanda.length === 0 &&
              (omraden.fel !== null || Boolean(omraden.svar?.errors.length)) && (
                <span className="detalj">Områdeslistan kunde inte hämtas just nu.</span>
              )}
          </div>
          <PeriodValjare varde={period} onChange={setPeriod} />
          <RollValjare varde={roll} onChange={setRoll} />
          <button type="button" onClick={() => setForsok((n) => n + 1)}>
            Uppdatera
          </button>
        </form>

        <div aria-live="polite" className="laddar">
          {(lagesbild.laddar || omraden.laddar) && 'Hämtar lägesbilden …'}
        </div>

        {start.olasbarPeriod && periodText === periodString(STANDARD_PERIOD) && (
          <Meddelande typ="info">{olasbarPeriodText(start.olasbarPeriod, periodText)}</Meddelande>
        )}
        {lagesbild.fel && (
          <Meddelande typ="fel">Lägesbilden kunde inte hämtas. {lagesbild.fel}</Meddelande>
        )}
        {okant && (
          <Meddelande typ="info">
            <strong>Okänt område ”{omrade}”.</strong> Det finns ingen lägesbild för det området.
            Kända områden: {okant.kandaOmraden.map(namnPa).join(', ')}. Välj ett område i listan.
          </Meddelande>
        )}
        {lage && (
          <Meddelande typ="info">
            <span className="periodlage">{lage}.</span>
            {bild?.periodLage === 'EJ_PABORJAD' &&
              ` Ingen partner kan ha rapporterat för ${periodNamn(bild.period)} än; därför står alla som ej rapporterat.`}
          </Meddelande>
        )}
        {lagesbild.svar && !bild && !okant && (
          <Meddelande typ="fel">
            Lägesbilden för {omradeNamn} {periodText} är inte tillgänglig just nu: förvaltningens
            källa, som håller ihop lägesbilden, svarar inte. Se Källor nedan; handlingsplanen och
            resten av sidan visas när de går att hämta.{' '}
            <span className="detalj">{felText(fel)}</span>
          </Meddelande>
        )}
        {bild && verkligaFel(fel).length > 0 && (
          <Meddelande typ="info">
            Någon källa svarade inte; det som finns visas och det som saknas är markerat.
          </Meddelande>
        )}

        {baraFaststalld && (
          <div className="rutnat">
            <FaststalldLagesbild
              omrade={omrade}
              period={periodText}
              forsok={forsok}
              roll={roll}
              baraFaststalld
              onPeriod={valjPeriod}
            />
          </div>
        )}

        {!okant && !baraFaststalld && (
          <div className="rutnat" aria-busy={lagesbild.laddar}>
            <FaststalldLagesbild
              omrade={omrade}
              period={periodText}
              forsok={forsok}
              roll={roll}
              baraFaststalld={false}
              onPeriod={valjPeriod}
            />

            <section aria-labelledby="miljoer-rubrik" className="kort bred">
              <h2 id="miljoer-rubrik">Lägesbild per miljö</h2>
              {bild && kallor ? (
                <MiljoTabell bild={bild} partners={PARTNERS} tackning={kallor} />
              ) : (
                <p className="tyst">
                  {lagesbild.laddar
                    ? 'Hämtar …'
                    : 'Tabellen kan inte visas just nu: se Källor för vilken källa som saknas.'}
                </p>
              )}
            </section>

            <Kallor period={periodText} tackning={kallor} />
            <SlaDiagram
              bild={bild}
              laddar={lagesbild.laddar}
              period={periodText}
              ejBehorig={ejBehoriga.has('klotter')}
            />
            {bild ? (
              <Trend bild={bild} partners={PARTNERS} ejBehoriga={ejBehoriga} />
            ) : (
              <section aria-labelledby="trend-rubrik" className="kort bred">
                <h2 id="trend-rubrik">Jämfört med föregående period</h2>
                <p className="tyst">
                  {lagesbild.laddar ? 'Hämtar …' : 'Inga uppgifter att jämföra just nu.'}
                </p>
              </section>
            )}

            <Hotspots
              rapport={rapportBild}
              laddar={rapport.laddar}
              period={periodText}
              saknade={saknade}
              ejBehoriga={PARTNERS.filter((p) => ejBehoriga.has(p.falt)).map((p) => p.namn)}
            />

            {bild && (
              <Diagram
                bild={bild}
                partners={PARTNERS}
                saknade={new Set(saknadeKallor.map((k) => k.partner.falt))}
                ejBehoriga={ejBehoriga}
              />
            )}

            <KlotterDiagram omrade={omrade} ar={period.ar} forsok={forsok} roll={roll} />

            <Handlingsplan
              omrade={omrade}
              sedan={sedan}
              onSedan={setValtSedan}
              forsok={forsok}
              roll={roll}
            />
          </div>
        )}
      </main>
      <footer className="sidfot">
        Varje partner äger och lämnar sina egna uppgifter; sidan visar dem sida vid sida. Inga
        personuppgifter.
        {/* The report's link is not shown for an unknown area: no word about it then. */}
        {!okant &&
          (baraFaststalld
            ? ' Den fastställda lägesbildens rapport går att skriva ut eller spara som PDF.'
            : ' Rapport för rådsmöte (länken överst) går att skriva ut eller spara som PDF.')}
      </footer>
    </>
  );
}
