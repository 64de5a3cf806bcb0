/**
 * The printable report for a council meeting: /dashboard/rapport.html?omrade=…&period=…
 * (&roll=…). It asks the gateway the council's combined query and renders the same
 * document as `pnpm rapport` (renderHtml(rapportDokument(…)) from @lagesbild/rapport).
 *
 * With ?publicering=<id> it is the adopted lägesbild's report instead: the publication
 * (PUBLICERING_RAPPORT) rendered as renderHtml(publiceringsDokument(…)), the same document
 * as `pnpm rapport --publicering <id>`.
 */
import {
  LAGESBILD_RAPPORT,
  type Lagesbild,
  OMRADE_NAMN,
  PARTNER_NAMN,
  PUBLICERING_RAPPORT,
  type Publicering,
  publiceringsDokument,
  type RapportDokument,
  rapportDokument,
  renderHtml,
} from '@lagesbild/rapport';
import { rollFranAdressen } from './components/RollValjare';
import { felText, fraga } from './graphql';
import { felaktigFraga, nekadePartner, type Omrade, okantOmrade } from './lagesbild';
import { OMRADEN_QUERY } from './queries';
import './rapport.css';

const q = new URLSearchParams(window.location.search);
const omrade = q.get('omrade') || 'norrmalm';
const period = q.get('period') || '2016';
const roll = rollFranAdressen(q);
const publiceringId = q.get('publicering');

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`rapport.html saknar #${id}`);
  return found;
}
const innehall = element('rapport');
const status = element('status');
const tillbaka = element('tillbaka');

tillbaka.setAttribute(
  'href',
  `/dashboard?${new URLSearchParams({ omrade, period, ...(roll ? { roll } : {}) })}`,
);
document.getElementById('skriv-ut')?.addEventListener('click', () => window.print());

const PARTNER_FALT = ['forvaltning', 'polis', 'skolor', 'klotter'] as const;

/** The known areas' names by id; empty when förvaltning, which holds them, does not answer. */
async function omradesnamn(): Promise<Map<string, string>> {
  try {
    const svar = await fraga<{ omraden: Omrade[] }>(OMRADEN_QUERY, {}, undefined, roll);
    return new Map((svar.data?.omraden ?? []).map((o) => [o.id, o.namn]));
  } catch {
    return new Map();
  }
}

/** Puts a rendered report on the page: renderHtml escapes every value it writes. */
function visaDokument(d: RapportDokument): void {
  const dokument = new DOMParser().parseFromString(renderHtml(d), 'text/html');
  document.title = dokument.title;
  for (const style of dokument.head.querySelectorAll('style')) document.head.append(style);
  innehall.replaceChildren(...dokument.body.childNodes);
}

/** The adopted lägesbild's report: a publication by id. */
async function visaPublicering(id: string): Promise<void> {
  status.textContent = 'Hämtar den fastställda lägesbilden …';
  try {
    const svar = await fraga<{ publicering: Publicering | null }>(
      PUBLICERING_RAPPORT,
      { id },
      undefined,
      roll,
    );
    const p = svar.data?.publicering ?? null;
    if (!p) {
      status.textContent = svar.errors.length
        ? `Den fastställda lägesbilden kan inte visas: ${svar.errors.map((e) => e.message).join(' · ')}`
        : `Det finns ingen publicering med id ”${id}”.`;
      status.className = 'meddelande meddelande-fel';
      return;
    }
    tillbaka.setAttribute(
      'href',
      `/dashboard?${new URLSearchParams({ omrade: p.omradeId, period: p.period, ...(roll ? { roll } : {}) })}`,
    );
    // The area's name from the register; its id when förvaltning does not answer.
    const namn = await fraga<{ omrade: { namn: string } | null }>(
      OMRADE_NAMN,
      { omrade: p.omradeId },
      undefined,
      roll,
    ).catch(() => null);
    visaDokument(
      publiceringsDokument(p, {
        omradeNamn: namn?.data?.omrade?.namn ?? null,
        framtagen: new Date().toISOString(),
        arbetsexemplar: new URLSearchParams(location.search).get('arbetsexemplar') === '1',
      }),
    );
    status.textContent = '';
    status.className = '';
  } catch (error) {
    status.textContent = `Rapporten kunde inte hämtas. ${error instanceof Error ? error.message : ''}`;
    status.className = 'meddelande meddelande-fel';
  }
}

async function visa(): Promise<void> {
  status.textContent = `Hämtar lägesbilden för ${omrade} ${period} …`;
  try {
    const svar = await fraga<{ lagesbild: Lagesbild | null }>(
      LAGESBILD_RAPPORT,
      { omrade, period },
      undefined,
      roll,
    );
    const bild = svar.data?.lagesbild ?? null;
    const okant = bild ? null : okantOmrade(svar.errors);
    if (okant) {
      // The reader asked for an area the register does not have: not an outage. The known
      // areas by name, as the dashboard lists them (their ids when the names do not come).
      const namn = await omradesnamn();
      status.textContent = `Okänt område ”${omrade}”: det finns ingen rapport för det. Kända områden: ${okant.kandaOmraden.map((id) => namn.get(id) ?? id).join(', ')}.`;
      status.className = 'meddelande meddelande-info';
      return;
    }
    const felaktig = bild ? null : felaktigFraga(svar.errors, { period });
    if (felaktig) {
      // A question the gateway cannot read (a period such as "2016-13"): said as what it is.
      status.textContent = felaktig;
      status.className = 'meddelande meddelande-info';
      return;
    }
    if (!bild) {
      // Förvaltning holds the picture together: with it down the combined query has no
      // answer (another partner down only nulls its own sections; see below).
      status.textContent = `Rapporten kan inte tas fram just nu: gatewayen gav ingen lägesbild, eftersom förvaltningen, som håller ihop lägesbilden, inte svarar. ${felText(svar.errors)}`;
      status.className = 'meddelande meddelande-fel';
      return;
    }
    // A partner that refused its live data to this role answered: it is not a missing source.
    const nekade = nekadePartner(svar.errors);
    const ejBehoriga = PARTNER_FALT.filter((p) => bild[p] === null && nekade.has(p));
    const saknadeKallor = PARTNER_FALT.filter((p) => bild[p] === null && !nekade.has(p));
    visaDokument(
      rapportDokument(bild, {
        framtagen: new Date().toISOString(),
        saknadeKallor,
        ejBehoriga,
      }),
    );
    const obs = [
      ...(saknadeKallor.length
        ? [
            `Obs: ${saknadeKallor.length === 1 ? 'en källa svarade' : 'några källor svarade'} inte; det som saknas är markerat i rapporten.`,
          ]
        : []),
      ...(ejBehoriga.length
        ? [
            `Din roll får inte de levande uppgifterna från ${ejBehoriga.map((p) => PARTNER_NAMN[p]).join(', ')}; de visas i den fastställda lägesbilden.`,
          ]
        : []),
    ];
    status.textContent = obs.join(' ');
    status.className = obs.length ? 'meddelande meddelande-info' : '';
  } catch (error) {
    status.textContent = `Rapporten kunde inte hämtas. ${error instanceof Error ? error.message : ''}`;
    status.className = 'meddelande meddelande-fel';
  }
}

void (publiceringId ? visaPublicering(publiceringId) : visa());
