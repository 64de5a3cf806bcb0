import { PARTNERS } from '@lagesbild/domain';
import { KitMigration } from '@lagesbild/subgraph-kit';
import { FASTSTALLD_SKRIVSKYDD } from './Migration0001Publicering';

/** A row inserted as anything but a draft. */
export const ENDAST_UTKAST =
  'En lägesbild läggs bara till som utkast; den fastställs av rådet när alla avsnitt är bekräftade.';

/** A draft made adopted without every section confirmed, or without its adopted content. */
export const OBEKRAFTAD =
  'En lägesbild fastställs bara som ett utkast vars alla avsnitt är bekräftade, med mötesdatum, innehåll och hash.';

/** A draft adopted beside the version in force, or as a correction of one that is not. */
export const EN_GALLANDE =
  'Ett område och en period har en gällande version: en ny fastställs bara som rättelse av den (rattaPublicering).';

/** A draft's captured picture, or who it is, changed. */
export const UNDERLAG_SKRIVSKYDD =
  'Ett utkasts underlag ändras inte: det är den levande lägesbilden som den hämtades.';

/**
 * When a version was adopted (`faststalld_tid`): the order disclosure control reads earlier
 * versions in. And the lifecycle as the database's rule, not only the code's, whoever writes:
 *
 * - a row is inserted only as a draft (UTKAST, nothing adopted about it);
 * - a draft's captured picture (`underlag`) and identity never change, so what the cleared
 *   readers read of an adopted version — its true numbers — is what the partners confirmed
 *   (the export's hash covers only what the public reads);
 * - UTKAST → FASTSTALLD only with every section confirmed, the meeting date, the content
 *   and its hash, and either as the area and period's first adopted version or as the
 *   correction of the version in force; that version is then marked ERSATT by the database
 *   itself, in the same statement;
 * - FASTSTALLD → ERSATT only naming an adopted version of the same area and period with a
 *   higher version number that corrects it (Migration0001's content check stays);
 * - a confirmation is not moved onto (or from) an adopted version (SQLite checked only the
 *   row it came from; PostgreSQL both).
 *
 * "One adopted version per area and period" can no longer be a unique index checked row
 * by row (the correction is adopted before its predecessor is marked ERSATT, one statement
 * later in the trigger): on PostgreSQL it is an exclusion constraint checked at commit, on
 * SQLite (one writer at a time) the adoption trigger's own check.
 */
export class Migration0002Livscykel extends KitMigration {
  override async up(): Promise<void> {
    const partners = PARTNERS.map((p) => `'${p}'`).join(', ');
    const allaBekraftade = `(select count(distinct b.partner) from bekraftelse b
        where b.publicering_id = new.id and b.partner in (${partners})) = ${PARTNERS.length}`;
    const fullstandig = `new.faststalld is not null and new.faststalld_tid is not null and new.mote is not null
        and new.publicerat is not null and new.hash is not null and new.ersatt_av_id is null`;
    const ratt = `(new.foregaende_id is null and not exists (select 1 from publicering g
          where g.omrade_id = new.omrade_id and g.period = new.period and g.status = 'FASTSTALLD' and g.id <> new.id))
        or (new.foregaende_id is not null and exists (select 1 from publicering f
          where f.id = new.foregaende_id and f.omrade_id = new.omrade_id and f.period = new.period
            and f.version < new.version and f.status = 'FASTSTALLD'))`;
    const ersatt = `exists (select 1 from publicering n
        where n.id = new.ersatt_av_id and n.status = 'FASTSTALLD' and n.omrade_id = old.omrade_id
          and n.period = old.period and n.version > old.version and n.foregaende_id = old.id)`;
    const utkastLika = ['id', 'omrade_id', 'period', 'version', 'foregaende_id', 'underlag'];
    const innehall = [
      'id',
      'skapad',
      'omrade_id',
      'period',
      'version',
      'skapad_av',
      'faststalld',
      'faststalld_tid',
      'mote',
      'rattelse_orsak',
      'foregaende_id',
      'troskel',
      'underlag',
      'publicerat',
      'hash',
    ];
    const postgres = this.getKnex().client.dialect === 'postgresql';
    this.addSql('drop index publicering_en_faststalld');
    // Migration0001's triggers refuse the backfill of an adopted row: replaced below.
    if (postgres) {
      this.addSql('drop trigger publicering_skrivskydd on publicering');
    } else {
      this.addSql('drop trigger publicering_skrivskydd_andring');
    }
    // When each version was adopted: the rows adopted before this column have only the time
    // they last changed (for a replaced one, when it was replaced).
    this.addSql('alter table publicering add column faststalld_tid varchar(30) null');
    this.addSql("update publicering set faststalld_tid = andrad where status <> 'UTKAST'");
    if (postgres) {
      const lika = (kolumner: string[]) =>
        `(${kolumner.map((c) => `new.${c}`).join(', ')}) is not distinct from (${kolumner.map((c) => `old.${c}`).join(', ')})`;
      this.addSql(
        'alter table publicering add constraint publicering_en_faststalld ' +
          "exclude using btree (omrade_id with =, period with =) where (status = 'FASTSTALLD') " +
          'deferrable initially deferred',
      );
      this.addSql(
        `create or replace function publicering_skrivskydd() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status = 'UTKAST' and new.faststalld is null and new.faststalld_tid is null and new.publicerat is null
       and new.hash is null and new.ersatt_av_id is null then
      return new;
    end if;
    raise exception '${ENDAST_UTKAST} (%)', new.id using errcode = 'insufficient_privilege';
  end if;
  if old.status = 'UTKAST' then
    if tg_op = 'DELETE' then
      return old;
    end if;
    if not ${lika(utkastLika)} then
      raise exception '${UNDERLAG_SKRIVSKYDD} (%)', old.id using errcode = 'insufficient_privilege';
    end if;
    if new.status = 'UTKAST' then
      return new;
    end if;
    if new.status = 'FASTSTALLD' then
      if not (${fullstandig} and ${allaBekraftade}) then
        raise exception '${OBEKRAFTAD} (%)', old.id using errcode = 'insufficient_privilege';
      end if;
      if not (${ratt}) then
        raise exception '${EN_GALLANDE} (%)', old.id using errcode = 'insufficient_privilege';
      end if;
      return new;
    end if;
  elsif tg_op = 'UPDATE' and old.status = 'FASTSTALLD' and new.status = 'ERSATT'
     and old.ersatt_av_id is null and new.ersatt_av_id is not null and ${lika(innehall)}
     and ${ersatt} then
    return new;
  end if;
  raise exception '${FASTSTALLD_SKRIVSKYDD} (% %)', tg_op, old.id using errcode = 'insufficient_privilege';
end;
$$`,
      );
      this.addSql(
        'create trigger publicering_skrivskydd before insert or update or delete on publicering ' +
          'for each row execute function publicering_skrivskydd()',
      );
      this.addSql(
        `create function publicering_ersatt() returns trigger language plpgsql as $$
begin
  update publicering set status = 'ERSATT', ersatt_av_id = new.id, andrad = new.andrad
    where id = new.foregaende_id and status = 'FASTSTALLD';
  if not found then
    raise exception '${EN_GALLANDE} (%)', new.id using errcode = 'insufficient_privilege';
  end if;
  return null;
end;
$$`,
      );
      this.addSql(
        'create trigger publicering_ersatt after update on publicering for each row ' +
          "when (old.status = 'UTKAST' and new.status = 'FASTSTALLD' and new.foregaende_id is not null) " +
          'execute function publicering_ersatt()',
      );
      return;
    }
    const lika = (kolumner: string[]) => kolumner.map((c) => `new.${c} is old.${c}`).join(' and ');
    const avbryt = (text: string) => `begin select raise(abort, '${text}'); end`;
    this.addSql(
      `create trigger publicering_endast_utkast before insert on publicering
       when not (new.status = 'UTKAST' and new.faststalld is null and new.faststalld_tid is null and new.publicerat is null
         and new.hash is null and new.ersatt_av_id is null)
       ${avbryt(ENDAST_UTKAST)}`,
    );
    this.addSql(
      `create trigger publicering_utkast_underlag before update on publicering
       when old.status = 'UTKAST' and not (${lika(utkastLika)})
       ${avbryt(UNDERLAG_SKRIVSKYDD)}`,
    );
    this.addSql(
      `create trigger publicering_utkast_status before update on publicering
       when old.status = 'UTKAST' and new.status not in ('UTKAST', 'FASTSTALLD')
       ${avbryt(FASTSTALLD_SKRIVSKYDD)}`,
    );
    this.addSql(
      `create trigger publicering_faststall_bekraftat before update on publicering
       when old.status = 'UTKAST' and new.status = 'FASTSTALLD' and not (${fullstandig} and ${allaBekraftade})
       ${avbryt(OBEKRAFTAD)}`,
    );
    this.addSql(
      `create trigger publicering_faststall_en_gallande before update on publicering
       when old.status = 'UTKAST' and new.status = 'FASTSTALLD' and not (${ratt})
       ${avbryt(EN_GALLANDE)}`,
    );
    // Replaces Migration0001's: ERSATT only naming the adopted correction.
    this.addSql(
      `create trigger publicering_skrivskydd_andring before update on publicering
       when old.status <> 'UTKAST' and not (old.status = 'FASTSTALLD' and new.status = 'ERSATT'
         and old.ersatt_av_id is null and new.ersatt_av_id is not null and ${lika(innehall)}
         and ${ersatt})
       ${avbryt(FASTSTALLD_SKRIVSKYDD)}`,
    );
    this.addSql(
      `create trigger publicering_ersatt after update on publicering
       when old.status = 'UTKAST' and new.status = 'FASTSTALLD' and new.foregaende_id is not null
       begin
         update publicering set status = 'ERSATT', ersatt_av_id = new.id, andrad = new.andrad
           where id = new.foregaende_id and status = 'FASTSTALLD';
         select raise(abort, '${EN_GALLANDE}') where changes() <> 1;
       end`,
    );
    this.addSql('drop trigger bekraftelse_skrivskydd_update');
    this.addSql(
      `create trigger bekraftelse_skrivskydd_update before update on bekraftelse
       when exists (select 1 from publicering p
         where p.id in (old.publicering_id, new.publicering_id) and p.status <> 'UTKAST')
       ${avbryt(FASTSTALLD_SKRIVSKYDD)}`,
    );
  }
}
