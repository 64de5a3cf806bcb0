import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configurationDocs, DOCS_BEGIN, DOCS_END, withConfigurationDocs } from './docs';
import { allSchemas } from './schemas';

const README = new URL('../../../README.md', import.meta.url);

describe("the README's configuration table", () => {
  it('is what the schemas make (run `pnpm config:docs` after changing a schema)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withConfigurationDocs(readme)).toBe(readme);
  });

  it('lists every variable of every schema, between the markers', () => {
    const docs = configurationDocs();
    for (const { schema } of allSchemas()) {
      for (const variable of Object.keys(schema)) expect(docs).toContain(`| \`${variable}\` |`);
    }
    expect(() => withConfigurationDocs('no markers')).toThrow(DOCS_BEGIN);
    expect(withConfigurationDocs(`a\n${DOCS_BEGIN}\nold\n${DOCS_END}\nb`, 'new')).toBe(
      `a\n${DOCS_BEGIN}\n\nnew\n\n${DOCS_END}\nb`,
    );
  });
});
