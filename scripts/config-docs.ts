/** `pnpm config:docs`: writes the configuration table into README.md between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withConfigurationDocs } from '../packages/config/src/docs';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(readme, 'utf8');
const after = withConfigurationDocs(before);
if (after !== before) writeFileSync(readme, after);
console.log(after === before ? 'README.md is up to date.' : 'README.md updated.');
