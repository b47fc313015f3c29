/**
 * Name pools per region, drawn once per run from faker with the region's locales (US and
 * Canadian names for NAI, British, German and French for EMEA, Australian, Indian and Hong Kong
 * for APAC). Rows then combine pool entries with the fast seeded generator.
 */
import {
  Faker,
  base,
  de,
  en,
  en_AU,
  en_CA,
  en_GB,
  en_HK,
  en_IN,
  en_US,
  fr,
  type LocaleDefinition,
} from '@faker-js/faker';
import { hashSeed } from './random';

const REGION_LOCALES: Record<string, readonly LocaleDefinition[]> = {
  NAI: [en_US, en_CA],
  EMEA: [en_GB, de, fr],
  APAC: [en_AU, en_IN, en_HK],
};
const FALLBACK_LOCALES: readonly LocaleDefinition[] = [en_US];

export type NamePools = {
  firstNames: string[];
  lastNames: string[];
  cities: string[];
  states: string[];
};

const POOL_SIZE = 240;

function draw(faker: Faker, count: number, make: (f: Faker) => string): string[] {
  return Array.from({ length: count }, () => make(faker));
}

export function buildNamePools(seed: number, region: string): NamePools {
  const locales = REGION_LOCALES[region] ?? FALLBACK_LOCALES;
  const pools: NamePools = { firstNames: [], lastNames: [], cities: [], states: [] };
  const share = Math.ceil(POOL_SIZE / locales.length);
  locales.forEach((locale, index) => {
    const faker = new Faker({ locale: [locale, en, base], seed: hashSeed(seed, region, index) });
    pools.firstNames.push(...draw(faker, share, (f) => f.person.firstName()));
    pools.lastNames.push(...draw(faker, share, (f) => f.person.lastName()));
    pools.cities.push(...draw(faker, share, (f) => f.location.city()));
    pools.states.push(...draw(faker, Math.ceil(share / 4), (f) => f.location.state()));
  });
  return pools;
}
