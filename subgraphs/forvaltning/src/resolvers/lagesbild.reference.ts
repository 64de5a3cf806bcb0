import { MILJOER, type Miljo, parsePeriod } from '@lagesbild/domain';
import { badUserInput } from '@lagesbild/subgraph-kit';
import { Lagesbild, MiljoLage } from '../types/lagesbild.type';

// Lagesbild and MiljoLage are computed, not stored: a reference needs no database.
export const lagesbildReferences = {
  Lagesbild: {
    __resolveReference: (ref: { omradeId: string; period: string }) =>
      new Lagesbild(ref.omradeId, parsePeriod(ref.period)),
  },
  MiljoLage: {
    __resolveReference: (ref: { omradeId: string; period: string; miljo: string }) => {
      if (!MILJOER.includes(ref.miljo as Miljo)) {
        throw badUserInput(`Okänd miljö "${ref.miljo}".`);
      }
      return new MiljoLage(ref.omradeId, parsePeriod(ref.period), ref.miljo as Miljo);
    },
  },
};
