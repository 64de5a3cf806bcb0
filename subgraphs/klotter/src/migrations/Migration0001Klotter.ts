import { KitMigration } from '@lagesbild/subgraph-kit';

/** The klotter subgraph's first schema: knex's builder, so SQLite and PostgreSQL alike. */
export class Migration0001Klotter extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('klotteranmalan', (t) => {
          this.periodColumns(t, 'klotteranmalan');
          t.string('rapportor', 20).notNullable();
          t.string('rapportorens_id', 100).nullable();
          t.string('kategori', 20).notNullable();
          t.string('miljo', 20).notNullable();
          t.text('innehall').notNullable();
          t.text('beskrivning').nullable();
          t.string('plats_id', 200).nullable().index('klotteranmalan_plats_id_index');
          t.string('plats_text', 300).nullable();
          t.double('lat').nullable();
          t.double('lon').nullable();
          t.string('anmald_tid', 30).nullable().index('klotteranmalan_anmald_tid_index');
          t.string('avrop_tid', 30).nullable();
          t.string('pa_plats_tid', 30).nullable();
          t.string('borttagen_tid', 30).nullable();
          t.string('uppdaterad_tid', 30).nullable();
          t.boolean('polisanmald').nullable();
          t.string('status', 12).notNullable();
          t.text('anteckningar').nullable();
          t.string('sla_sanering', 12).notNullable();
          t.integer('sanering_minuter').nullable();
          t.string('sla_pa_plats', 12).notNullable();
          t.integer('pa_plats_arbetsminuter').nullable();
          // Re-sending a report never duplicates it (NULLs, the seed's, are distinct).
          t.unique(['rapportor', 'rapportorens_id'], {
            indexName: 'klotteranmalan_rapportor_id_unique',
          });
          // Covers the picture's GROUP BY: the aggregate never reads the table itself.
          t.index(
            [
              'omrade_id',
              'fran',
              'till',
              'rapportor',
              'kategori',
              'miljo',
              'sla_sanering',
              'sla_pa_plats',
            ],
            'klotteranmalan_aggregat_idx',
          );
          // The paginated lists: area, period start, then id as the cursor's tiebreak.
          t.index(['omrade_id', 'fran', 'id'], 'klotteranmalan_sida_idx');
          t.index(['omrade_id', 'miljo', 'fran', 'id'], 'klotteranmalan_miljo_idx');
        })
        .createTable('nollrapport', (t) => {
          this.periodColumns(t, 'nollrapport');
          t.string('rapportor', 20).notNullable();
          t.text('kommentar').nullable();
          t.unique(['omrade_id', 'rapportor', 'period'], {
            indexName: 'nollrapport_rapportor_period_unique',
          });
        }),
    );
  }
}

export const migrations = [{ name: 'Migration0001Klotter', class: Migration0001Klotter }];
