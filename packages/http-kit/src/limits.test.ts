import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { swedishGraphqlError } from './limits';

/** graphql-js's own message for `query` against `schema`. */
function englishError(schema: string, query: string): string {
  try {
    const errors = validate(buildSchema(schema), parse(query));
    return errors[0]?.message ?? '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe("graphql-js's errors in Swedish (issue 15, item 11)", () => {
  const schema =
    'type Query { plats(id: ID!): Plats, platser: [Plats] } type Plats { id: ID! namn: String }';

  const cases: [string, string][] = [
    ['{ plats(id: "a") { id }', 'Syntaxfel i frågan: väntade Name, fann <EOF>.'],
    ['{ plats(id: "a) { id } }', 'Syntaxfel i frågan: strängen avslutas inte.'],
    ['{ plats { id } }', 'Fältet "plats" kräver argumentet "id" (ID!), men det saknas.'],
    ['{ plats(id: "a", x: 1) { id } }', 'Argumentet "x" finns inte på fältet "Query.plats".'],
    ['{ platser }', 'Fältet "platser" ([Plats]) måste ha underfält, t.ex. platser { … }.'],
    ['{ platser { id { x } } }', 'Fältet "id" (ID!) har inga underfält att välja.'],
    ['query ($i: ID!) { platser { id } }', 'Variabeln $i deklareras men används inte.'],
    ['{ plats(id: $i) { id } }', 'Variabeln $i används men deklareras inte i operationen.'],
    ['{ platser { id } ...F }', 'Fragmentet "F" finns inte i frågan.'],
  ];

  it.each(cases)('%s', (query, swedish) => {
    const english = englishError(schema, query);
    expect(english).not.toBe('');
    expect(swedishGraphqlError({ message: english })).toEqual({
      message: swedish,
      // The suggestion graphql-js adds ("Did you mean …?") is not passed on, even here.
      extensions: { original: english.replace(/ Did you mean .*$/, '') },
    });
  });

  it('the variable errors Apollo reports while coercing', () => {
    expect(
      swedishGraphqlError({
        message: 'Variable "$p" of required type "Period!" was not provided.',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ).toEqual({
      message: 'Variabeln $p (Period!) måste anges men saknas.',
      extensions: {
        code: 'BAD_USER_INPUT',
        original: 'Variable "$p" of required type "Period!" was not provided.',
      },
    });
    expect(
      swedishGraphqlError({
        message: 'Variable "$n" got invalid value "x"; Int cannot represent non-integer value: "x"',
      }).message,
    ).toBe('Variabeln $n har ett ogiltigt värde "x": Int kan inte vara "x".');
  });

  it('keeps a suggestion, in Swedish, only where suggestions are allowed', () => {
    const message = 'Cannot query field "nam" on type "Plats". Did you mean "namn" or "id"?';
    expect(swedishGraphqlError({ message }, { hideSuggestions: false }).message).toBe(
      'Fältet "nam" finns inte på typen "Plats". Menade du "namn" eller "id"?',
    );
    expect(swedishGraphqlError({ message }).message).toBe(
      'Fältet "nam" finns inte på typen "Plats".',
    );
  });

  it('leaves a Swedish message as it is', () => {
    expect(swedishGraphqlError({ message: 'Okänt område "x".' })).toEqual({
      message: 'Okänt område "x".',
    });
  });
});
