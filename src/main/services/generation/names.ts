/**
 * Names that read like the domain: people, asset owners (pension funds, endowments,
 * foundations…), investment managers and products named by asset class.
 */
import type { ASSET_CLASSES } from '../../../shared/domain';
import type { NamePools } from './locales';
import type { Rng } from './random';

type Asset = (typeof ASSET_CLASSES)[number];

export function personName(rng: Rng, pools: NamePools): string {
  return `${rng.pick(pools.firstNames)} ${rng.pick(pools.lastNames)}`;
}

const ascii = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Addresses on a reserved domain, so generated data never names a real mailbox. */
export function emailFor(name: string, region: string, index: number): string {
  const [first = 'consultant', ...rest] = name.split(' ');
  const last = rest.join('');
  return `${ascii(first)}.${ascii(last)}${index}@${region.toLowerCase()}.consultants.example`;
}

const ASSET_OWNER_TEMPLATES: readonly ((rng: Rng, pools: NamePools) => string)[] = [
  (r, p) => `${r.pick(p.cities)} Teachers' Retirement System`,
  (r, p) => `${r.pick(p.states)} Public Employees' Retirement Fund`,
  (r, p) => `${r.pick(p.lastNames)} Family Foundation`,
  (r, p) => `University of ${r.pick(p.cities)} Endowment`,
  (r, p) => `${r.pick(p.lastNames)} & ${r.pick(p.lastNames)} Pension Plan`,
  (r, p) => `${r.pick(p.cities)} Municipal Employees' Pension Fund`,
  (r, p) => `${r.pick(p.lastNames)} Charitable Trust`,
  (r, p) => `${r.pick(p.cities)} Firefighters' Pension Fund`,
  (r, p) => `${r.pick(p.states)} Investment Board`,
  (r, p) => `${r.pick(p.lastNames)} Health System Retirement Plan`,
  (r, p) => `${r.pick(p.cities)} Community Foundation`,
  (r, p) => `${r.pick(p.lastNames)} Mutual Insurance General Account`,
  (r, p) => `${r.pick(p.cities)} Hospital Endowment`,
  (r, p) => `${r.pick(p.lastNames)} Industries Defined Benefit Plan`,
  (r, p) => `${r.pick(p.states)} Workers' Compensation Fund`,
];

export function assetOwnerName(rng: Rng, pools: NamePools): string {
  return rng.pick(ASSET_OWNER_TEMPLATES)(rng, pools);
}

const MANAGER_SUFFIXES = [
  'Capital',
  'Asset Management',
  'Investors',
  'Partners',
  'Global Advisors',
  'Investment Management',
];

/** A region's competing investment managers (the incumbents' managers). */
export function managerNames(rng: Rng, pools: NamePools, count = 40): string[] {
  const names = new Set<string>();
  for (let tries = 0; names.size < count && tries < count * 20; tries++)
    names.add(`${rng.pick(pools.lastNames)} ${rng.pick(MANAGER_SUFFIXES)}`);
  return [...names];
}

const STRATEGIES: Record<Asset, readonly string[]> = {
  Equities: [
    'US Large Cap Growth',
    'US Equity Income',
    'Global Equity',
    'Emerging Markets Equity',
    'International Value',
    'Small Cap Core',
    'Global Sustainable Equity',
    'Asia Pacific Equity',
  ],
  'Fixed Income': [
    'Core Bond',
    'Core Plus Bond',
    'Short Duration',
    'High Yield',
    'Global Aggregate Bond',
    'Emerging Markets Debt',
    'Municipal Bond',
    'Inflation-Linked Bond',
  ],
  'Real Estate': [
    'Core Real Estate',
    'Value-Add Property',
    'Global REIT',
    'Infrastructure Income',
    'Real Estate Debt',
  ],
  Commodities: ['Broad Commodities', 'Precious Metals', 'Energy Transition Commodities'],
  Alternatives: [
    'Multi-Strategy Hedge',
    'Global Macro',
    'Private Credit',
    'Private Equity Secondaries',
    'Market Neutral',
  ],
  'Multi-Asset': [
    'Diversified Growth',
    'Global Allocation',
    'Income Builder',
    'Target Date 2045',
    'Liability-Driven Investment',
  ],
};

const VEHICLES = ['Fund', 'Strategy', 'Composite', 'Portfolio', 'Trust'];

export function strategyName(rng: Rng, assetClass: Asset): string {
  return rng.pick(STRATEGIES[assetClass]);
}

export function productName(rng: Rng, brand: string, strategy: string): string {
  return `${brand} ${strategy} ${rng.pick(VEHICLES)}`;
}

/** The house brand of products flagged `jpm_flag: 'Y'`. */
export const HOUSE_BRAND = 'JPM';
