import { KitMigration } from '@lagesbild/subgraph-kit';

/**
 * A place may be part of a larger one (Observatorielunden's playground and its metro
 * entrance are parts of the park): `del_av_id` names the larger place, null for a place
 * that is part of none. Indexed, because a place's parts are looked up by it.
 */
export class Migration0003ForvaltningPlatsdelar extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('plats', (t) => {
        t.string('del_av_id', 64).nullable();
        t.index(['del_av_id'], 'plats_del_av_id_index');
      }),
    );
  }
}
