import { KitMigration } from '@lagesbild/subgraph-kit';
import { Migration0002PolisAggregat } from './Migration0002PolisAggregat';

/** The polis subgraph's first schema: knex's builder, so SQLite and PostgreSQL alike. */
export class Migration0001Polis extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('bedomning', (t) => {
          this.periodColumns(t, 'bedomning');
          t.string('miljo', 20).notNullable();
          t.integer('version').notNullable();
          t.boolean('ersatt').notNullable();
          t.string('ersatt_av', 64).nullable();
          t.string('bosatta', 10).notNullable();
          t.string('folkbokforda', 10).notNullable();
          t.string('utsatta_for_brott', 10).notNullable();
          t.string('resor', 10).notNullable();
          t.text('text').notNullable();
          t.string('publicerad', 10).notNullable();
          t.string('utgivare', 200).notNullable();
          // One row per version; publishing reads the current one by this prefix, and two
          // concurrent publications of the same version collide here instead of both landing.
          t.unique(['omrade_id', 'period', 'miljo', 'version'], {
            indexName: 'bedomning_omrade_period_miljo_version_unique',
          });
        })
        .createTable('gruppering', (t) => {
          this.baseColumns(t);
          t.string('omrade_id', 64).notNullable().index('gruppering_omrade_id_index');
          t.string('namn', 200).notNullable();
          t.string('miljo', 20).notNullable();
          t.boolean('valdsbejakande').notNullable();
          t.text('beskrivning').notNullable();
          t.jsonb('plats_ids').notNullable();
          t.string('verksamhetsomrade', 300).nullable();
        })
        .createTable('handelse', (t) => {
          this.periodColumns(t, 'handelse');
          t.string('datum', 10).nullable();
          t.string('typ', 20).notNullable();
          t.string('rubrik', 300).notNullable();
          t.text('beskrivning').notNullable();
          t.string('miljo', 20).notNullable();
          t.boolean('vald').nullable();
          t.string('gruppering_id', 64).nullable().index('handelse_gruppering_id_index');
          t.string('platsbeskrivning', 300).nullable();
          t.double('lat').nullable();
          t.double('lon').nullable();
          t.string('kalla_id', 100).nullable().unique({ indexName: 'handelse_kalla_id_unique' });
          t.string('kalla_url', 500).nullable();
        })
        .createTable('handelse_plats', (t) => {
          this.baseColumns(t);
          t.string('handelse_id', 64).notNullable();
          t.string('plats_id', 200).notNullable().index('handelse_plats_plats_id_index');
          t.unique(['handelse_id', 'plats_id'], { indexName: 'handelse_plats_unique' });
        })
        .createTable('maltavla', (t) => {
          this.baseColumns(t);
          t.string('omrade_id', 64).notNullable().index('maltavla_omrade_id_index');
          t.string('namn', 300).notNullable();
          t.text('beskrivning').notNullable();
          t.string('plats_id', 200).nullable();
          t.string('klassning', 12).notNullable();
        }),
    );
  }
}

export const migrations = [
  { name: 'Migration0001Polis', class: Migration0001Polis },
  { name: 'Migration0002PolisAggregat', class: Migration0002PolisAggregat },
];
