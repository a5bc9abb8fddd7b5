import type { z } from 'zod';
import type { townProperties } from '../../src/layers/base/schema';
import type { CollectionFeature, CollectionId } from '../../src/layers/registry';

export type TownProperties = z.infer<typeof townProperties>;

export type GeneratedFeature<C extends CollectionId> = CollectionFeature<C> & { id: string };

/** The whole generated dataset, one array of features per collection. */
export type Dataset = { [C in CollectionId]: GeneratedFeature<C>[] };
