/**
 * `pnpm --filter @lagesbild/klotter import:csv <fil.csv> [--omrade norrmalm]`: imports
 * graffiti reports from a CSV file into the database the service uses
 * (KLOTTER_DATABASE_URL, or the default under LAGESBILD_DATA_DIR / .data). See the README's
 * "Bulk import"; Open311 JSON has its own command, import:open311.
 */
import 'reflect-metadata';
import { korImportkommando } from '@lagesbild/subgraph-kit/import';
import { loadConfig } from '../config';
import { klotter } from '../server';
import { klotterImporter } from './klotter.csv';

process.exitCode = await korImportkommando(
  {
    subgraf: klotter,
    config: loadConfig(),
    importer: klotterImporter,
    skript: 'pnpm --filter @lagesbild/klotter import:csv',
  },
  process.argv.slice(2),
);
