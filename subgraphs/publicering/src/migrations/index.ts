import { Migration0001Publicering } from './Migration0001Publicering';
import { Migration0002Livscykel } from './Migration0002Livscykel';

export const migrations = [
  { name: 'Migration0001Publicering', class: Migration0001Publicering },
  { name: 'Migration0002Livscykel', class: Migration0002Livscykel },
];
