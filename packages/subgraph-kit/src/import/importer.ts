import type { Roll } from '@lagesbild/domain';
import type { EntityManager } from '@mikro-orm/core';

/** What every row of one run shares: the district the file's rows belong to. */
export interface ImportKontext {
  omradeId: string;
  /**
   * The roles of whoever sends the file when a token says who (an HTTP import): rules that
   * depend on the writer (clearance to write a classification) apply to them. The
   * operator's command, trusted with the database itself, leaves it unset.
   */
  roller?: readonly Roll[];
}

/**
 * What happened to one good row when its batch was written: new, an existing record
 * changed as the subgraph's own write rules allow (klotter's later times, a school's
 * replaced answers), already there as it is, or refused by a rule that needs the database.
 */
export type Utfall = 'ny' | 'uppdaterad' | 'finns' | { avvisad: string[] };

/** A row that passed validation, ready for the importer's write. */
export interface GodRad<R> {
  /** Line in the file (the header is line 1). */
  rad: number;
  /** The importer's natural key for the row (see CsvImporter.nyckel). */
  nyckel: string;
  data: R;
  /**
   * The stored record's id, set by `skriv` for a row it wrote: the audit log names the
   * record by it. Left unset, the log names it by the natural key. Rows that wrote one
   * record together (a school's answer set) set the same id and get one entry.
   */
  postId?: string;
}

/** Raised by an importer's `forbered` for a run that cannot start (exit code 3). */
export class ImportAnvandningsfel extends Error {}

/**
 * One partner's CSV import. The kit reads, validates, batches, counts and reports; the
 * importer says what a row is and how it is written — with its subgraph's own rules.
 *
 * Column names are the folded header (see kolumnnamn: "Rapportörens id" → rapportorens_id);
 * the row class's property for a column is its camelCase form (rapportorensId), and every
 * non-empty value lands there as text before `tolka` converts what is not text.
 */
export interface CsvImporter<R extends object> {
  /** What the rows are, in Swedish, for the summary: "incidenter". */
  namn: string;
  /** The record type the rows become, as the schema names it, for the audit log: "Incident". */
  posttyp: string;
  /** The row class: class-validator decorators say what a valid row is. */
  radklass: new () => R;
  obligatoriska: readonly string[];
  valfria?: readonly string[];
  /** Converts values that are not text (ja/nej, numbers, lists); leaves bad ones for the validators. */
  tolka?(rad: R, kontext: ImportKontext): void;
  /** Rules class-validator cannot express (one of two fields, not in the future …). */
  check?(rad: R, kontext: ImportKontext): string[];
  /**
   * The natural key: a second row with the same key in the file is rejected, and the
   * write counts a key already in the database as already present.
   */
  nyckel(rad: R, kontext: ImportKontext): string;
  /**
   * Rows that are written together or not at all (a school's answer set), from the raw
   * fields so a bad row still belongs to its group. Such rows must stand together in the file.
   */
  grupp?: {
    nyckel(falt: Record<string, string>): string;
    /** The group in words, for a reason: "svaren från skola X på enkät Y". */
    beskrivning(falt: Record<string, string>): string;
  };
  /** Checks the run as a whole before any row (the area exists …). */
  forbered?(em: EntityManager, kontext: ImportKontext): Promise<void>;
  /** Writes one batch inside its transaction; one outcome per row, in order. */
  skriv(tx: EntityManager, rader: GodRad<R>[], kontext: ImportKontext): Promise<Utfall[]>;
}

/** The class-validator property of a column: rapportorens_id → rapportorensId. */
export function egenskapFor(kolumn: string): string {
  return kolumn.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The column of a property: rapportorensId → rapportorens_id. */
export function kolumnFor(egenskap: string): string {
  return egenskap.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** "ja"/"nej" (and true/false, 1/0) → a boolean; anything else stays for @IsBoolean to refuse. */
export function jaNej(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['ja', 'j', 'true', 'sant', '1', 'yes'].includes(v)) return true;
  if (['nej', 'n', 'false', 'falskt', '0', 'no'].includes(v)) return false;
  return value;
}

/** An enum value written as people do ("Vit makt", "vit_makt") → VIT_MAKT; unknown stays. */
export function enumVarde(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}
