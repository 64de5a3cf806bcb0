/**
 * The schools' facts from Norrmalm's action plan against violent extremism (May 2017),
 * section "Lägesbild från skolor inom stadsdelsområdet":
 *
 *   "Vid en enkätundersökning till kommunala och fristående skolor i stadsdelsområdet
 *    svarade en av de sex respondenterna att man uppmärksammat tecken på högerextremism.
 *    Det avsåg vit-makt propaganda i form av klistermärken och flygblad i elevskåp."
 *
 * What the document does not say stays unknown here, on purpose:
 * - which schools answered, or which one saw the propaganda: the respondents are
 *   anonymous ("Respondent 1" … "Respondent 6"), huvudman unknown. Their numbering is
 *   arbitrary and says nothing about any real school;
 * - how many schools the survey was sent to: no recipient list, so the response rate is
 *   unknown (null), never a made-up figure;
 * - the survey's dates (sent, last day, closed) and its exact wording: the question text
 *   below restates the document's summary, it is not the survey's own wording.
 * The survey is dated to 2016, the year the plan's lägesbild (April 2017) describes.
 */
import { Miljo } from '@lagesbild/domain';
import { FragaTyp } from '../entities';

export const SEED_KEY = 'skolor:handlingsplan-norrmalm-2017';

export const OMRADE_ID = 'norrmalm';

export const RESPONDENTER = Array.from({ length: 6 }, (_, i) => ({
  id: `norrmalm-2016-respondent-${i + 1}`,
  namn: `Respondent ${i + 1}`,
}));

export const ENKAT = {
  id: 'norrmalm-2016-enkat-skolor',
  period: '2016',
  titel: 'Enkätundersökning till kommunala och fristående skolor i stadsdelsområdet',
};

export const FRAGA = {
  id: 'norrmalm-2016-enkat-skolor-fraga-1',
  nr: 1,
  text: 'Har skolan uppmärksammat tecken på högerextremism (vit makt-miljön)?',
  typ: FragaTyp.JA_NEJ,
  miljo: Miljo.VIT_MAKT,
};

export const OBSERVATION = 'vit makt-propaganda i form av klistermärken och flygblad i elevskåp';

/** One of the six answered yes; which one is not known, so it is simply the first. */
export const SVAR = RESPONDENTER.map((r, i) => ({
  skolaId: r.id,
  ja: i === 0,
  text: i === 0 ? OBSERVATION : null,
}));
