/**
 * `pnpm --filter @lagesbild/polis import:csv <fil.csv> [--omrade norrmalm]`: imports
 * events from a CSV file into the database the service uses (POLIS_DATABASE_URL, or the
 * default under LAGESBILD_DATA_DIR / .data). See the README's "Bulk import".
 */
import 'reflect-metadata';
import { korImportkommando } from '@lagesbild/subgraph-kit/import';
import { loadConfig } from '../config';
import { polis } from '../server';
import { handelseImporter } from './handelser.csv';

process.exitCode = await korImportkommando(
  {
    subgraf: polis,
    config: loadConfig(),
    importer: handelseImporter,
    skript: 'pnpm --filter @lagesbild/polis import:csv',
  },
  process.argv.slice(2),
);
