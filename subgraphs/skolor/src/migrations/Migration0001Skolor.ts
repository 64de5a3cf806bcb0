import { KitMigration } from '@lagesbild/subgraph-kit';

/** The skolor subgraph's first schema: knex's builder, so SQLite and PostgreSQL alike. */
export class Migration0001Skolor extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('skola', (t) => {
          this.baseColumns(t);
          t.string('namn', 200).notNullable();
          t.string('huvudman', 12).nullable();
          t.string('omrade_id', 64).notNullable();
          t.boolean('anonym').notNullable();
          t.index(['omrade_id', 'namn'], 'skola_omrade_id_namn_index');
        })
        .createTable('enkat', (t) => {
          this.periodColumns(t, 'enkat');
          t.string('titel', 300).notNullable();
          t.string('skickad', 10).nullable();
          t.string('sista_svarsdag', 10).nullable();
          t.string('status', 10).notNullable();
          t.string('stangd', 30).nullable();
        })
        .createTable('enkat_mottagare', (t) => {
          this.baseColumns(t);
          t.string('enkat_id', 64).notNullable();
          t.string('skola_id', 64).notNullable();
          t.unique(['enkat_id', 'skola_id'], {
            indexName: 'enkat_mottagare_enkat_id_skola_id_unique',
          });
        })
        .createTable('fraga', (t) => {
          this.baseColumns(t);
          t.string('enkat_id', 64).notNullable();
          t.integer('nr').notNullable();
          t.text('text').notNullable();
          t.string('typ', 10).notNullable();
          t.string('miljo', 20).nullable();
          t.jsonb('alternativ').notNullable();
          t.unique(['enkat_id', 'nr'], { indexName: 'fraga_enkat_id_nr_unique' });
        })
        .createTable('svarsuppsattning', (t) => {
          this.baseColumns(t);
          t.string('enkat_id', 64).notNullable();
          t.string('skola_id', 64).notNullable();
          t.string('inskickad', 30).nullable();
          // One answer set per school and survey.
          t.unique(['enkat_id', 'skola_id'], {
            indexName: 'svarsuppsattning_enkat_id_skola_id_unique',
          });
        })
        .createTable('svar', (t) => {
          this.baseColumns(t);
          t.string('svarsuppsattning_id', 64).notNullable().index('svar_svarsuppsattning_id_index');
          t.string('enkat_id', 64).notNullable();
          t.string('skola_id', 64).notNullable();
          t.string('fraga_id', 64).notNullable();
          t.boolean('ja').nullable();
          t.string('alternativ', 200).nullable();
          t.text('text').nullable();
          t.unique(['fraga_id', 'skola_id'], { indexName: 'svar_fraga_id_skola_id_unique' });
          t.index(['enkat_id', 'skola_id'], 'svar_enkat_id_skola_id_index');
        }),
    );
  }
}

export const migrations = [{ name: 'Migration0001Skolor', class: Migration0001Skolor }];
