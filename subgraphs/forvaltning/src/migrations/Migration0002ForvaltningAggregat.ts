import { KitMigration } from '@lagesbild/subgraph-kit';

/**
 * The picture's counts per environment (loaders/index.ts, SUMMARY_SQL) read only the area,
 * the period, the environment and the count: with those in the index SQLite answers the
 * GROUP BY from the index alone and never visits the table's rows. Measured with
 * `pnpm bench:skala` (years of incidents across thirteen areas). Each replaces the
 * period index it begins with, so a write maintains one index, not two.
 */
export class Migration0002ForvaltningAggregat extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .alterTable('incident', (t) => {
          t.index(['omrade_id', 'fran', 'till', 'miljo'], 'incident_aggregat_idx');
          t.dropIndex([], 'incident_omrade_period_idx');
        })
        .alterTable('kontakt', (t) => {
          t.index(['omrade_id', 'fran', 'till', 'miljo', 'antal'], 'kontakt_aggregat_idx');
          t.dropIndex([], 'kontakt_omrade_period_idx');
        })
        .alterTable('faltobservation', (t) => {
          t.index(['omrade_id', 'fran', 'till', 'miljo', 'antal'], 'faltobservation_aggregat_idx');
          t.dropIndex([], 'faltobservation_omrade_period_idx');
        }),
    );
  }
}
