/**
 * `pnpm --filter @lagesbild/publicering-subgraf seed:fanga [--gateway URL] [--roll R]`: captures the
 * live picture the seed adopts — Norrmalm 2016-H2 and its linked periods, from a running
 * system's gateway, with a development token of the coordinator (SAMORDNARE, who sees every
 * number) — and writes it to src/seed/norrmalm-2016-H2.underlag.json, the file the seed
 * reads. Run it against a system on the seeded source document whose publicering subgraph
 * does not seed (PUBLICERING_SEED=false: the file may not exist yet), e.g.
 *
 *   PUBLICERING_SEED=false LAGESBILD_DATA_DIR=$(mktemp -d) pnpm start
 *   pnpm --filter @lagesbild/publicering-subgraf seed:fanga
 *
 * and commit the file. The gateway: --gateway, else LAGESBILD_GATEWAY_URL, else GATEWAY_PORT's.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadAuthConfig, signToken } from '@lagesbild/auth';
import { parsePeriod, parseRoll, Roll } from '@lagesbild/domain';
import { gatewayHamtare } from '../src/gateway';
import * as S from '../src/seed/norrmalm-2016-H2';

const DATA_DIR =
  process.env.LAGESBILD_DATA_DIR || fileURLToPath(new URL('../../../.data', import.meta.url));

async function main(args: string[]): Promise<number> {
  const i = args.indexOf('--gateway');
  const gateway =
    (i >= 0 ? args[i + 1] : undefined) ??
    process.env.LAGESBILD_GATEWAY_URL ??
    `http://127.0.0.1:${process.env.GATEWAY_PORT || 4000}/graphql`;
  const r = args.indexOf('--roll');
  const roll = r >= 0 ? parseRoll(args[r + 1] ?? '') : Roll.SAMORDNARE;
  if (!roll) {
    console.error(`Okänd roll. Roller: ${Object.values(Roll).join(', ')}`);
    return 3;
  }
  const token = await signToken(loadAuthConfig(process.env, DATA_DIR), {
    roller: [roll],
    skolaId: null,
    subject: 'seed:fanga',
  });
  const hamta = gatewayHamtare(gateway, 30_000);
  try {
    const underlag = await hamta(
      { authorization: `Bearer ${token}`, requestId: null },
      S.OMRADE_ID,
      parsePeriod(S.PERIOD),
      'Ingen fil skrevs.',
    );
    const fil = fileURLToPath(new URL(`../src/seed/${S.UNDERLAG_FIL}`, import.meta.url));
    writeFileSync(fil, `${JSON.stringify(underlag, null, 2)}\n`);
    console.log(
      `Skrev ${fil}: ${underlag.celler.length} celler, ${underlag.relationer.length} summor, ` +
        `${underlag.lankade.celler.length} länkade celler (hämtat ${underlag.hamtad} från ${gateway}).`,
    );
    return 0;
  } catch (error) {
    console.error(
      `Lägesbilden kunde inte fångas: ${error instanceof Error ? error.message : error}`,
    );
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
