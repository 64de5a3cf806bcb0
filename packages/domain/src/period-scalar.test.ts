import { GraphQLError, Kind, parseValue as parseGraphQLValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period';
import { PeriodScalar } from './period-scalar';

function graphQLError(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GraphQLError) return e;
    throw e;
  }
  throw new Error('expected a GraphQLError');
}

describe('PeriodScalar', () => {
  it('is named Period and describes the formats', () => {
    expect(PeriodScalar.name).toBe('Period');
    expect(PeriodScalar.description).toContain('En rapporteringsperiod');
    expect(PeriodScalar.description).toContain('2016-W45');
  });

  it('serializes a Period or a string to canonical text', () => {
    expect(PeriodScalar.serialize(parsePeriod('2016-H2'))).toBe('2016-H2');
    expect(PeriodScalar.serialize(' 2016-h2')).toBe('2016-H2');
    expect(PeriodScalar.serialize('2016-w45')).toBe('2016-W45');
  });

  it('parses variables and literals to a Period', () => {
    expect(PeriodScalar.parseValue('2017-t1')).toEqual(parsePeriod('2017-T1'));
    expect(PeriodScalar.parseLiteral(parseGraphQLValue('"2016-W45"'), undefined)).toEqual(
      parsePeriod('2016-W45'),
    );
    expect(PeriodScalar.parseLiteral({ kind: Kind.STRING, value: '2016' }, undefined).till).toBe(
      '2017-01-01',
    );
  });

  it('rejects a bad variable with BAD_USER_INPUT and the Swedish message', () => {
    const e = graphQLError(() => PeriodScalar.parseValue('2016-H3'));
    expect(e.message).toBe(
      'Ogiltig period "2016-H3": halvår anges som H1 eller H2, t.ex. "2016-H2".',
    );
    expect(e.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'halvår anges som H1 eller H2, t.ex. "2016-H2".',
    });
  });

  it('rejects a non-string variable', () => {
    const e = graphQLError(() => PeriodScalar.parseValue(2016));
    expect(e.message).toBe('Ogiltig period: en period anges som text, t.ex. "2016-H2".');
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a bad string literal', () => {
    const e = graphQLError(() =>
      PeriodScalar.parseLiteral(parseGraphQLValue('"2016-W53"'), undefined),
    );
    expect(e.message).toBe(
      'Ogiltig period "2016-W53": år 2016 har bara 52 ISO-veckor, så W53 finns inte.',
    );
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a literal that is not a string', () => {
    const e = graphQLError(() => PeriodScalar.parseLiteral(parseGraphQLValue('2016'), undefined));
    expect(e.message).toBe('Ogiltig period: en period anges som text, t.ex. "2016-H2".');
    expect(e.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'en period anges som text, t.ex. "2016-H2".',
    });
  });

  it('refuses to serialize garbage', () => {
    const e = graphQLError(() => PeriodScalar.serialize('abc'));
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
  });
});
