import { describe, expect, it } from 'vitest';
import {
  boolean,
  FALSE_WORDS,
  integer,
  list,
  milliseconds,
  parseBoolean,
  parseInteger,
  port,
  readEnv,
  TRUE_WORDS,
  text,
} from './env';
import {
  authSchema,
  gatewaySchema,
  limitsSchema,
  publiceringSchema,
  subgraphSchema,
} from './schemas';

describe('booleans: one set of words for every variable', () => {
  it('accepts true/1/yes/ja/on and false/0/no/nej/off, in any case, with blanks around', () => {
    for (const word of TRUE_WORDS) {
      expect(parseBoolean('X', word)).toBe(true);
      expect(parseBoolean('X', ` ${word.toUpperCase()} `)).toBe(true);
    }
    for (const word of FALSE_WORDS) {
      expect(parseBoolean('X', word)).toBe(false);
      expect(parseBoolean('X', word.toUpperCase())).toBe(false);
    }
  });

  it('refuses any other word, naming the variable, in Swedish', () => {
    for (const bad of ['ture', 'kanske', '2', 'y', 'enabled']) {
      expect(() => parseBoolean('FORVALTNING_SEED', bad)).toThrow(
        `FORVALTNING_SEED="${bad}" är inte ett giltigt värde: ange true eller false (eller 1/yes/ja/on resp. 0/no/nej/off).`,
      );
    }
  });

  it('reads every boolean variable of every schema by the same words', () => {
    const schemas = [authSchema, limitsSchema, gatewaySchema(), subgraphSchema('polis')];
    const booleans = schemas.flatMap((schema) =>
      Object.entries(schema).filter(([, rule]) => rule.kind === 'boolean'),
    );
    expect(booleans.map(([v]) => v)).toEqual(
      expect.arrayContaining([
        'SUBGRAPH_DEDUPE',
        'GATEWAY_GRAPHIQL',
        'GATEWAY_SVARSCACHE',
        'POLIS_SEED',
      ]),
    );
    for (const [variable, rule] of booleans) {
      expect(rule.parse(variable, 'yes')).toBe(true);
      expect(rule.parse(variable, 'OFF')).toBe(false);
      expect(() => rule.parse(variable, 'ture')).toThrow(`${variable}="ture"`);
    }
  });
});

describe('integers: decimal digits only, everywhere', () => {
  it('reads digits, with blanks around', () => {
    expect(parseInteger('X', '42')).toBe(42);
    expect(parseInteger('X', ' 7 ')).toBe(7);
  });

  it('refuses exponents, fractions, signs, hex and words, naming the variable', () => {
    for (const bad of ['1e3', '1.5', '-1', '+3', '0x10', '3s', 'tre', '0']) {
      expect(() => parseInteger('GATEWAY_MAX_DEPTH', bad)).toThrow(
        `GATEWAY_MAX_DEPTH="${bad}" är inte ett giltigt värde: ange ett heltal från 1 till 100000000.`,
      );
    }
  });

  it('refuses too large a value, and names the unit when there is one', () => {
    expect(() => parseInteger('GATEWAY_MAX_COST', '999999999999')).toThrow(
      'GATEWAY_MAX_COST="999999999999" är för stort: högst 100000000.',
    );
    expect(() => milliseconds('').parse('SUBGRAPH_TIMEOUT_MS', '3s')).toThrow(
      'SUBGRAPH_TIMEOUT_MS="3s" är inte ett giltigt värde: ange ett heltal från 1 till 100000000 millisekunder.',
    );
  });

  it('refuses 1e3 in every integer and port variable of every schema', () => {
    const schemas = [
      authSchema,
      limitsSchema,
      gatewaySchema(),
      subgraphSchema('forvaltning'),
      publiceringSchema,
    ];
    for (const schema of schemas) {
      for (const [variable, rule] of Object.entries(schema)) {
        if (rule.kind !== 'integer' && rule.kind !== 'port') continue;
        expect(() => rule.parse(variable, '1e3')).toThrow(`${variable}="1e3"`);
      }
    }
  });
});

describe('readEnv', () => {
  const schema = {
    A_FLAG: boolean('a flag'),
    A_COUNT: integer('a count'),
    A_PORT: port('a port'),
    A_TEXT: text('a text'),
    A_LIST: list('a list'),
  };

  it('reads unset and empty as not given', () => {
    expect(readEnv(schema, { A_FLAG: '', A_COUNT: '  ' })).toEqual({
      A_FLAG: undefined,
      A_COUNT: undefined,
      A_PORT: undefined,
      A_TEXT: undefined,
      A_LIST: undefined,
    });
  });

  it('reads each kind by its rule and ignores variables outside the schema', () => {
    expect(
      readEnv(schema, {
        A_FLAG: 'Ja',
        A_COUNT: '12',
        A_PORT: '5100',
        A_TEXT: 'x',
        A_LIST: ' a, ,b ',
        OTHER: 'anything',
      }),
    ).toEqual({ A_FLAG: true, A_COUNT: 12, A_PORT: 5100, A_TEXT: 'x', A_LIST: ['a', 'b'] });
  });

  it('reports every refusal at once, one line each naming its variable', () => {
    expect(() => readEnv(schema, { A_FLAG: 'ture', A_COUNT: '1e3', A_PORT: '6000' })).toThrow(
      /^A_FLAG="ture" är inte ett giltigt värde.*\nA_COUNT="1e3" är inte ett giltigt värde.*\nA_PORT=6000: port 6000 spärras/,
    );
  });
});
