import { KitMigration } from '@lagesbild/subgraph-kit';
import { Migration0002ForvaltningAggregat } from './Migration0002ForvaltningAggregat';
import { Migration0003ForvaltningPlatsdelar } from './Migration0003ForvaltningPlatsdelar';

/** The förvaltning subgraph's first schema: knex's builder, so SQLite and PostgreSQL alike. */
export class Migration0001Forvaltning extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('omrade', (t) => {
          this.baseColumns(t);
          t.string('namn', 200).notNullable();
          t.string('kommun', 100).notNullable();
          t.string('namnd', 200).notNullable();
        })
        .createTable('plats', (t) => {
          this.baseColumns(t);
          t.string('namn', 200).notNullable();
          t.string('adress', 200).nullable();
          t.string('omrade_id', 64).notNullable().index('plats_omrade_id_index');
          t.string('beskrivning', 500).nullable();
          t.double('sweref_n').nullable();
          t.double('sweref_e').nullable();
          t.double('lat').nullable();
          t.double('lon').nullable();
          t.string('koordinatkalla', 200).nullable();
        })
        .createTable('incident', (t) => {
          this.periodColumns(t, 'incident');
          t.string('datum', 10).nullable();
          t.string('plats_id', 200).nullable().index('incident_plats_id_index');
          t.string('plats_text', 300).nullable();
          t.string('miljo', 20).notNullable();
          t.string('typ', 30).notNullable();
          t.text('beskrivning').notNullable();
          t.string('system', 10).notNullable();
          t.string('klassning', 12).notNullable();
        })
        .createTable('kallanmarkning', (t) => {
          this.periodColumns(t, 'kallanmarkning');
          t.string('avsnitt', 200).notNullable();
          t.text('text').notNullable();
          t.integer('angivet_antal').nullable();
          t.integer('listat_antal').nullable();
        })
        .createTable('kontakt', (t) => {
          this.periodColumns(t, 'kontakt');
          t.string('kanal', 30).notNullable();
          t.string('miljo', 20).nullable();
          t.integer('antal').notNullable();
          t.text('atgard').nullable();
          t.text('utfall').nullable();
        })
        .createTable('atervandare', (t) => {
          this.periodColumns(t, 'atervandare');
          t.integer('kanda_antal').notNullable();
          t.integer('insatser_antal').notNullable();
          t.text('kommentar').nullable();
        })
        .createTable('faltobservation', (t) => {
          this.periodColumns(t, 'faltobservation');
          t.string('enhet', 200).notNullable();
          t.string('typ', 30).notNullable();
          t.string('miljo', 20).nullable();
          t.integer('antal').nullable();
          t.text('beskrivning').notNullable();
          t.string('plats_id', 200).nullable();
        })
        .createTable('handlingsplan', (t) => {
          this.baseColumns(t);
          t.string('omrade_id', 64).notNullable().index('handlingsplan_omrade_id_index');
          t.string('namn', 300).notNullable();
          t.string('fastalld', 10).notNullable();
          t.string('uppfoljning', 300).notNullable();
        })
        .createTable('atgard', (t) => {
          this.baseColumns(t);
          t.string('handlingsplan_id', 64).notNullable().index('atgard_handlingsplan_id_index');
          t.integer('nr').notNullable();
          t.text('namn').notNullable();
          t.text('syfte').notNullable();
          t.text('ansvarig').notNullable();
          t.jsonb('andra_berorda').notNullable();
          t.string('status', 12).notNullable();
          t.text('status_text').notNullable();
          t.string('giltig_tom', 10).nullable();
          t.string('inriktning', 14).notNullable();
        })
        .createTable('delsteg', (t) => {
          this.baseColumns(t);
          t.string('atgard_id', 64).notNullable().index('delsteg_atgard_id_index');
          t.integer('nr').notNullable();
          t.text('text').notNullable();
          t.string('status', 12).notNullable();
          t.text('status_text').notNullable();
        })
        .createTable('atgard_statushandelse', (t) => {
          this.baseColumns(t);
          t.string('atgard_id', 64).notNullable();
          t.integer('delsteg_nr').nullable();
          t.string('fran_status', 12).nullable();
          t.string('till_status', 12).notNullable();
          t.text('status_text').notNullable();
          t.text('kommentar').notNullable();
          t.string('tidpunkt', 30).notNullable();
          t.string('av', 60).notNullable();
          t.index(['atgard_id', 'tidpunkt'], 'atgard_statushandelse_atgard_id_tidpunkt_index');
        })
        .createTable('samverkansforum', (t) => {
          this.baseColumns(t);
          t.string('omrade_id', 64).notNullable().index('samverkansforum_omrade_id_index');
          t.string('namn', 300).notNullable();
          t.string('frekvens', 100).nullable();
          t.jsonb('deltagare').notNullable();
          t.text('syfte').notNullable();
          t.string('sedan', 10).nullable();
        }),
    );
  }
}

export const migrations = [
  { name: 'Migration0001Forvaltning', class: Migration0001Forvaltning },
  { name: 'Migration0002ForvaltningAggregat', class: Migration0002ForvaltningAggregat },
  { name: 'Migration0003ForvaltningPlatsdelar', class: Migration0003ForvaltningPlatsdelar },
];
