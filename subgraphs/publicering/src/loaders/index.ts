import { entityLoader, groupLoader } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Bekraftelse, Publicering, PubliceringStatus } from '../entities';
import type { Hamtare } from '../gateway';

/**
 * What the resolvers need beyond the database: how to read the live picture. (The
 * disclosure threshold is in the context: `ctx.diskretionTroskel`.)
 */
export interface PubliceringInstallningar {
  hamta: Hamtare;
}

/** An area, and a period or every period. */
export interface OmradePeriod {
  omradeId: string;
  period: string | null;
}

const omradePeriodNyckel = (k: OmradePeriod) => `${k.omradeId}|${k.period ?? '*'}`;

/** Newest first: the period's latest version at the top, and the latest periods before older. */
const NYAST_FORST = { skapad: 'desc', version: 'desc' } as const;

export function createLoaders(em: EntityManager, installningar: PubliceringInstallningar) {
  return {
    installningar,
    publicering: entityLoader<Publicering>(em, Publicering),
    bekraftelser: groupLoader<Bekraftelse>(em, Bekraftelse, 'publiceringId'),
    /** An area's publications (of one period, or all), newest first: one SELECT per batch. */
    publiceringar: new DataLoader<OmradePeriod, Publicering[], string>(
      async (keys) => {
        const rows = await em.find(
          Publicering,
          { omradeId: { $in: [...new Set(keys.map((k) => k.omradeId))] } },
          { orderBy: NYAST_FORST },
        );
        return keys.map((k) =>
          rows.filter(
            (r) => r.omradeId === k.omradeId && (k.period === null || r.period === k.period),
          ),
        );
      },
      { cacheKeyFn: omradePeriodNyckel },
    ),
    /** The adopted, not replaced, version of an area and period, or null. */
    gallande: new DataLoader<OmradePeriod, Publicering | null, string>(
      async (keys) => {
        const rows = await em.find(Publicering, {
          status: PubliceringStatus.FASTSTALLD,
          $or: keys.map((k) => ({ omradeId: k.omradeId, period: k.period ?? '' })),
        });
        return keys.map(
          (k) => rows.find((r) => r.omradeId === k.omradeId && r.period === k.period) ?? null,
        );
      },
      { cacheKeyFn: omradePeriodNyckel },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
