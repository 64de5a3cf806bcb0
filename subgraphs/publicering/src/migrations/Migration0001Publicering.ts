import { KitMigration } from '@lagesbild/subgraph-kit';

/** What a refused change of an adopted version says, in the database as in the code. */
export const FASTSTALLD_SKRIVSKYDD =
  'En fastställd lägesbild ändras inte: en rättelse blir en ny version (rattaPublicering).';

/**
 * The publications and the partners' confirmations: knex's builder, so SQLite and
 * PostgreSQL alike. An adopted version is immutable in the database too: triggers refuse
 * every change of a row that is not a draft — but marking an adopted version ERSATT with
 * the version that replaces it — and every change of an adopted version's confirmations,
 * whoever writes (the application, a statement typed by hand). One draft and one adopted
 * version per area and period at a time: partial unique indexes.
 */
export class Migration0001Publicering extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('publicering', (t) => {
          // Ids are "<area>-<period>-v<n>": wider than the kit's 64 for a long area id.
          t.string('id', 120).primary();
          t.string('skapad', 30).notNullable();
          t.string('andrad', 30).notNullable();
          t.string('omrade_id', 64).notNullable();
          t.string('period', 16).notNullable();
          t.integer('version').notNullable();
          t.string('status', 12).notNullable();
          t.string('skapad_av', 40).notNullable();
          t.string('faststalld', 10).nullable();
          t.string('mote', 300).nullable();
          t.text('rattelse_orsak').nullable();
          t.string('foregaende_id', 120).nullable();
          t.string('ersatt_av_id', 120).nullable();
          t.integer('troskel').notNullable();
          t.jsonb('underlag').notNullable();
          t.jsonb('publicerat').nullable();
          t.string('hash', 64).nullable();
          t.unique(['omrade_id', 'period', 'version'], {
            indexName: 'publicering_omrade_period_version_unique',
          });
          t.index(['omrade_id', 'status'], 'publicering_omrade_status_idx');
        })
        .createTable('bekraftelse', (t) => {
          t.string('id', 140).primary();
          t.string('skapad', 30).notNullable();
          t.string('andrad', 30).notNullable();
          t.string('publicering_id', 120).notNullable();
          t.string('partner', 20).notNullable();
          t.string('roll', 40).notNullable();
          t.string('tid', 30).nullable();
          t.text('kommentar').nullable();
          t.unique(['publicering_id', 'partner'], {
            indexName: 'bekraftelse_publicering_partner_unique',
          });
        }),
    );
    for (const status of ['UTKAST', 'FASTSTALLD']) {
      this.addSql(
        `create unique index publicering_en_${status.toLowerCase()} on publicering (omrade_id, period) where status = '${status}'`,
      );
    }
    // Every column but status, ersatt_av_id and andrad: what marking ERSATT must leave alone.
    const innehall = [
      'id',
      'skapad',
      'omrade_id',
      'period',
      'version',
      'skapad_av',
      'faststalld',
      'mote',
      'rattelse_orsak',
      'foregaende_id',
      'troskel',
      'underlag',
      'publicerat',
      'hash',
    ];
    if (this.getKnex().client.dialect === 'postgresql') {
      const lika = `(${innehall.map((c) => `new.${c}`).join(', ')}) is not distinct from (${innehall.map((c) => `old.${c}`).join(', ')})`;
      this.addSql(
        `create function publicering_skrivskydd() returns trigger language plpgsql as $$
begin
  if old.status = 'UTKAST' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op = 'UPDATE' and old.status = 'FASTSTALLD' and new.status = 'ERSATT'
     and old.ersatt_av_id is null and new.ersatt_av_id is not null and ${lika} then
    return new;
  end if;
  raise exception '${FASTSTALLD_SKRIVSKYDD} (% %)', tg_op, old.id using errcode = 'insufficient_privilege';
end;
$$`,
      );
      this.addSql(
        'create trigger publicering_skrivskydd before update or delete on publicering ' +
          'for each row execute function publicering_skrivskydd()',
      );
      this.addSql(
        `create function bekraftelse_skrivskydd() returns trigger language plpgsql as $$
begin
  if exists (select 1 from publicering p
             where p.id in (old.publicering_id, new.publicering_id) and p.status <> 'UTKAST') then
    raise exception '${FASTSTALLD_SKRIVSKYDD} (% bekräftelse)', tg_op using errcode = 'insufficient_privilege';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$`,
      );
      this.addSql(
        'create trigger bekraftelse_skrivskydd before insert or update or delete on bekraftelse ' +
          'for each row execute function bekraftelse_skrivskydd()',
      );
    } else {
      const lika = innehall.map((c) => `new.${c} is old.${c}`).join(' and ');
      this.addSql(
        `create trigger publicering_skrivskydd_andring before update on publicering
         when old.status <> 'UTKAST' and not (old.status = 'FASTSTALLD' and new.status = 'ERSATT'
           and old.ersatt_av_id is null and new.ersatt_av_id is not null and ${lika})
         begin select raise(abort, '${FASTSTALLD_SKRIVSKYDD}'); end`,
      );
      this.addSql(
        `create trigger publicering_skrivskydd_radering before delete on publicering
         when old.status <> 'UTKAST'
         begin select raise(abort, '${FASTSTALLD_SKRIVSKYDD}'); end`,
      );
      for (const [handelse, rad] of [
        ['insert', 'new'],
        ['update', 'old'],
        ['delete', 'old'],
      ] as const) {
        this.addSql(
          `create trigger bekraftelse_skrivskydd_${handelse} before ${handelse} on bekraftelse
           when exists (select 1 from publicering p where p.id = ${rad}.publicering_id and p.status <> 'UTKAST')
           begin select raise(abort, '${FASTSTALLD_SKRIVSKYDD}'); end`,
        );
      }
    }
  }
}
