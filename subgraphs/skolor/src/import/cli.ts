/**
 * `pnpm --filter @lagesbild/skolor import:csv <fil.csv>`: imports schools' survey answers
 * from a CSV file into the database the service uses (SKOLOR_DATABASE_URL, or the default
 * under LAGESBILD_DATA_DIR / .data). See the README's "Bulk import".
 */
import 'reflect-metadata';
import { korImportkommando } from '@lagesbild/subgraph-kit/import';
import { loadConfig } from '../config';
import { skolor } from '../server';
import { svarImporter } from './svar.csv';

process.exitCode = await korImportkommando(
  {
    subgraf: skolor,
    config: loadConfig(),
    importer: svarImporter,
    skript: 'pnpm --filter @lagesbild/skolor import:csv',
  },
  process.argv.slice(2),
);
