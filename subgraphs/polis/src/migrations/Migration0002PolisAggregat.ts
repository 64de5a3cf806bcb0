import { KitMigration } from '@lagesbild/subgraph-kit';

/**
 * The picture's events per environment (loaders/index.ts, SUMMARY_SQL) read only the area,
 * the period and the environment: with the environment in the index SQLite counts from
 * the index alone. Measured with `pnpm bench:skala` (years of events across thirteen
 * areas). It replaces the period index it begins with, so a write maintains one index.
 */
export class Migration0002PolisAggregat extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('handelse', (t) => {
        t.index(['omrade_id', 'fran', 'till', 'miljo'], 'handelse_aggregat_idx');
        t.dropIndex([], 'handelse_omrade_period_idx');
      }),
    );
  }
}
