/**
 * `pnpm --filter @lagesbild/forvaltning import:csv <fil.csv> [--omrade norrmalm]`: imports
 * incidents into the database the service uses (FORVALTNING_DATABASE_URL, or the default
 * under LAGESBILD_DATA_DIR / .data). See the README's "Bulk import".
 */
import 'reflect-metadata';
import { korImportkommando } from '@lagesbild/subgraph-kit/import';
import { loadConfig } from '../config';
import { forvaltning } from '../server';
import { incidentImporter } from './incident.import';

process.exitCode = await korImportkommando(
  {
    subgraf: forvaltning,
    config: loadConfig(),
    importer: incidentImporter,
    skript: 'pnpm --filter @lagesbild/forvaltning import:csv',
  },
  process.argv.slice(2),
);
