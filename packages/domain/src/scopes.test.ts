import { describe, expect, it } from 'vitest';
import { Klassning } from './klassning';
import { Roll } from './roller';
import { KLASSNING_SCOPE, satisfiesScopes, scopesFor } from './scopes';

describe('scopesFor', () => {
  it('gives a signed-in caller without roles only the open classification', () => {
    expect([...scopesFor([])]).toEqual(['klassning:oppen']);
  });

  it.each([
    [Roll.SKOLA, ['klassning:oppen', 'roll:SKOLA']],
    [Roll.SISAB, ['klassning:oppen', 'roll:SISAB']],
    [Roll.RADET, ['klassning:oppen', 'klassning:begransad', 'roll:RADET']],
    [
      Roll.UTBILDNINGSFORVALTNING,
      ['klassning:oppen', 'klassning:begransad', 'roll:UTBILDNINGSFORVALTNING'],
    ],
    [Roll.POLIS, ['klassning:oppen', 'klassning:begransad', 'klassning:skyddad', 'roll:POLIS']],
    [Roll.ADMIN, ['klassning:oppen', 'klassning:begransad', 'klassning:skyddad', 'roll:ADMIN']],
  ])('%s gets its clearance and its role', (roll, expected) => {
    expect([...scopesFor([roll])].sort()).toEqual([...expected].sort());
  });

  it('takes the highest clearance of several roles and every role', () => {
    expect([...scopesFor([Roll.MTR, Roll.ANALYTIKER])].sort()).toEqual(
      ['klassning:oppen', 'klassning:begransad', 'roll:MTR', 'roll:ANALYTIKER'].sort(),
    );
  });

  it('has one scope string per classification', () => {
    expect(Object.values(KLASSNING_SCOPE)).toEqual([
      'klassning:oppen',
      'klassning:begransad',
      'klassning:skyddad',
    ]);
    expect(KLASSNING_SCOPE[Klassning.SKYDDAD]).toBe('klassning:skyddad');
  });
});

describe('satisfiesScopes', () => {
  const held = scopesFor([Roll.UTBILDNINGSFORVALTNING]);
  it('needs every scope of one inner list', () => {
    expect(satisfiesScopes(held, [['klassning:begransad']])).toBe(true);
    expect(satisfiesScopes(held, [['klassning:begransad', 'roll:ADMIN']])).toBe(false);
    expect(satisfiesScopes(held, [['roll:ADMIN'], ['roll:UTBILDNINGSFORVALTNING']])).toBe(true);
    expect(satisfiesScopes(held, [['klassning:skyddad']])).toBe(false);
  });
});
