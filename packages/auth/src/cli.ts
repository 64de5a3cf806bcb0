/**
 * `pnpm tokens`: development tokens, one per role, for GraphiQL's headers pane or curl.
 *
 *   pnpm tokens                    every role, valid 12 hours
 *   pnpm tokens SAMORDNARE         one role (several: SAMORDNARE,ADMIN)
 *   pnpm tokens SKOLA --skola norrmalm-2016-respondent-2
 *   pnpm tokens --help             usage, no tokens; an unknown option is refused (exit 3)
 *
 * Signed with the development secret in .data/ (or LAGESBILD_JWT_SECRET), the same one the
 * services started by `pnpm start` verify with. Production tokens come from the partners'
 * identity provider.
 */
import { fileURLToPath } from 'node:url';
import { environment } from '@lagesbild/config';
import { parseRoll, ROLL_NAMN, Roll } from '@lagesbild/domain';
import { loadAuthConfig } from './config';
import { signToken } from './sign';

const DATA_DIR =
  environment().LAGESBILD_DATA_DIR || fileURLToPath(new URL('../../../.data', import.meta.url));
const FIRST_SCHOOL = 'norrmalm-2016-respondent-1';

export const USAGE = `Användning: pnpm tokens [ROLL[,ROLL…] …] [--skola SKOLA-ID]

Skriver ut utvecklingstoken, en per roll (alla roller om ingen anges), signerade med
utvecklingshemligheten i .data/ (eller LAGESBILD_JWT_SECRET).

  pnpm tokens                         alla roller
  pnpm tokens SAMORDNARE              en roll (flera: SAMORDNARE,ADMIN)
  pnpm tokens SKOLA --skola ID        en skolas token (standard ${FIRST_SCHOOL})
  pnpm tokens --help                  den här texten

Roller: ${Object.values(Roll).join(', ')}`;

const OPTIONS_WITH_VALUE = new Set(['--skola']);

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  // Every option is checked before anything is signed: an unknown one (a typo, --hjälp)
  // must not print a full set of tokens as if it had been understood.
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (OPTIONS_WITH_VALUE.has(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('-')) {
        console.error(`${arg} behöver ett värde.\n\n${USAGE}`);
        return 3;
      }
      i++;
    } else if (arg.startsWith('-')) {
      console.error(`Okänt alternativ "${arg}".\n\n${USAGE}`);
      return 3;
    }
  }
  const config = loadAuthConfig(environment(), DATA_DIR);
  const skolaIndex = args.indexOf('--skola');
  const skola = skolaIndex >= 0 ? args[skolaIndex + 1] : undefined;
  const wanted = args.filter(
    (a, i) => !a.startsWith('--') && (skolaIndex < 0 || i !== skolaIndex + 1),
  );
  const sets: Roll[][] = [];
  if (wanted.length === 0) for (const r of Object.values(Roll)) sets.push([r]);
  for (const w of wanted) {
    const roller = w.split(',').map((s) => parseRoll(s));
    if (roller.some((r) => r === undefined)) {
      console.error(`Okänd roll i "${w}". Roller: ${Object.values(Roll).join(', ')}`);
      return 3;
    }
    sets.push(roller as Roll[]);
  }
  const max = config.maxLivslangdS;
  const lifetime = max % 3600 === 0 ? `${max / 3600} h` : `${max} s`;
  console.log(
    `Development tokens (${lifetime}, LAGESBILD_TOKEN_MAX_LIVSLANGD_S). In GraphiQL, under Headers:`,
  );
  console.log('  { "Authorization": "Bearer <token>" }\n');
  for (const roller of sets) {
    const skolaId = roller.includes(Roll.SKOLA) ? (skola ?? FIRST_SCHOOL) : null;
    const token = await signToken(config, { roller, skolaId });
    const label = roller.map((r) => `${r} (${ROLL_NAMN[r]})`).join(' + ');
    console.log(`${label}${skolaId ? `, skola ${skolaId}` : ''}:\n  ${token}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
