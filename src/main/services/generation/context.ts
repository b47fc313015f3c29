/**
 * Everything the row builders of one region share: its structure, name pools, managers, the
 * consultants' sales region and channel (inherited down the hierarchy) and id helpers.
 */
import {
  CHANNELS,
  SALES_REGIONS,
  SALES_REGIONS_BY_REGION,
  type NodeLabel,
} from '../../../shared/domain';
import { formatId, idPrefix, type IdOffsets } from './ids';
import { buildNamePools, type NamePools } from './locales';
import { HOUSE_BRAND, managerNames } from './names';
import type { GenerationParams } from './params';
import { createRng, hashSeed } from './random';
import { buildStructure, type RegionStructure } from './structure';

type Channel = (typeof CHANNELS)[number];
type SalesRegion = (typeof SALES_REGIONS)[number];

/** Channels that make sense per region (regions not listed use the global ones). */
const CHANNELS_BY_REGION: Record<string, readonly Channel[]> = {
  NAI: CHANNELS.filter((c) => c !== 'Asia Institutional'),
  EMEA: CHANNELS.filter(
    (c) => c !== 'Asia Institutional' && c !== 'North Americas Institutional DC',
  ),
  APAC: CHANNELS.filter((c) => c !== 'North Americas Institutional DC'),
};
const GLOBAL_CHANNELS: readonly Channel[] = [
  'Consultant Sales',
  'Direct',
  'Partner',
  'Digital',
  'Institutional',
  'Beta Strategies',
];

export type RegionContext = {
  params: GenerationParams;
  region: string;
  structure: RegionStructure;
  pools: NamePools;
  managers: string[];
  /** The manager of each incumbent product (named again on the OWNS relationships to it). */
  incumbentManagers: string[];
  salesRegions: readonly SalesRegion[];
  channels: readonly Channel[];
  consultantSalesRegion: SalesRegion[];
  consultantChannel: Channel[];
  id: (label: NodeLabel, index: number) => string;
  /** The random stream of one label or relationship type in this region. */
  stream: (name: string) => ReturnType<typeof createRng>;
};

export function buildRegionContext(
  params: GenerationParams,
  region: string,
  offsets: IdOffsets,
): RegionContext {
  const structure = buildStructure(params, region);
  const pools = buildNamePools(params.seed, region);
  const stream = (name: string) => createRng(hashSeed(params.seed, region, name));
  const traits = stream('traits');
  const salesRegions = SALES_REGIONS_BY_REGION[region] ?? SALES_REGIONS;
  const channels = CHANNELS_BY_REGION[region] ?? GLOBAL_CHANNELS;
  const consultantSalesRegion = Array.from({ length: structure.consultants }, () =>
    traits.pick(salesRegions),
  );
  const consultantChannel = Array.from({ length: structure.consultants }, () =>
    traits.pick(channels),
  );
  const managers = managerNames(traits, pools);
  // A tenth of incumbent mandates are already with the house.
  const incumbentManagers = Array.from({ length: structure.incumbents }, () =>
    traits.chance(0.1) ? HOUSE_BRAND : traits.pick(managers),
  );
  const prefixes = new Map<NodeLabel, string>();
  return {
    params,
    region,
    structure,
    pools,
    managers,
    incumbentManagers,
    salesRegions,
    channels,
    consultantSalesRegion,
    consultantChannel,
    id: (label, index) => {
      let prefix = prefixes.get(label);
      if (prefix === undefined) {
        prefix = idPrefix(region, label);
        prefixes.set(label, prefix);
      }
      return formatId(prefix, offsets[label], index);
    },
    stream,
  };
}
