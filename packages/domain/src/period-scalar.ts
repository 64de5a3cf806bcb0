import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { type Period, PeriodError, parsePeriod } from './period';

const NOT_TEXT_REASON = 'en period anges som text, t.ex. "2016-H2".';

function badInput(message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });
}

function toPeriod(value: unknown): Period {
  if (typeof value !== 'string') {
    throw badInput(`Ogiltig period: ${NOT_TEXT_REASON}`, NOT_TEXT_REASON);
  }
  try {
    return parsePeriod(value);
  } catch (e) {
    if (e instanceof PeriodError) throw badInput(e.message, e.reason);
    throw e;
  }
}

function isPeriod(value: unknown): value is Period {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { text?: unknown }).text === 'string' &&
    typeof (value as { typ?: unknown }).typ === 'string'
  );
}

/**
 * Travels as its canonical text so every subgraph and the gateway agree on the wire;
 * resolvers receive the parsed Period with its date range already worked out.
 */
export const PeriodScalar: GraphQLScalarType<Period, string> = new GraphQLScalarType<
  Period,
  string
>({
  name: 'Period',
  description:
    'En rapporteringsperiod: år "2016", halvår "2016-H2", tertial "2017-T1", kvartal "2016-Q3", ' +
    'månad "2016-05" eller ISO-vecka "2016-W45"; ett halvöppet datumintervall [fran, till).',
  serialize(value: unknown): string {
    // Resolvers may return a stored string; canonicalising it keeps "2016-h2" off the wire.
    if (isPeriod(value)) return value.text;
    return toPeriod(value).text;
  },
  parseValue(value: unknown): Period {
    return toPeriod(value);
  },
  parseLiteral(ast): Period {
    if (ast.kind !== Kind.STRING) {
      throw badInput(`Ogiltig period: ${NOT_TEXT_REASON}`, NOT_TEXT_REASON);
    }
    return toPeriod(ast.value);
  },
});
