/**
 * The server's configuration as clients see it. Built from the validated configuration once:
 * it cannot change while the process runs. Only fields a client acts on are copied, so a new
 * secret in the configuration can never leak through here by accident.
 */
import type { ServerSettings } from '../../shared/api';
import type { Config } from '../config/env';
import type { Handlers } from './types';

export type SettingsConfig = Pick<
  Config,
  | 'REGIONS'
  | 'MAX_CONSULTANTS_PER_REGION'
  | 'MAX_FIELD_CONSULTANTS_PER_CONSULTANT'
  | 'MAX_COMPANIES_PER_FIELD'
  | 'MAX_PRODUCTS_PER_COMPANY'
  | 'DEFAULT_REGION_SIZE'
  | 'ALLOW_WRITE_QUERIES'
  | 'PROTECTION'
  | 'QUERY_TIMEOUT_MS'
  | 'QUERY_ROW_CAP'
>;

function serverSettings(config: SettingsConfig, version: string): ServerSettings {
  return {
    version,
    protection: config.PROTECTION,
    regions: [...config.REGIONS],
    max_consultants_per_region: config.MAX_CONSULTANTS_PER_REGION,
    max_field_consultants_per_consultant: config.MAX_FIELD_CONSULTANTS_PER_CONSULTANT,
    max_companies_per_field: config.MAX_COMPANIES_PER_FIELD,
    max_products_per_company: config.MAX_PRODUCTS_PER_COMPANY,
    default_region_size: config.DEFAULT_REGION_SIZE,
    allow_write_queries: config.ALLOW_WRITE_QUERIES,
    query_timeout_ms: config.QUERY_TIMEOUT_MS,
    query_row_cap: config.QUERY_ROW_CAP,
  };
}

export function createSettingsService(config: SettingsConfig, version: string) {
  const settings = serverSettings(config, version);
  return {
    getSettings: (): Promise<ServerSettings> => Promise.resolve(structuredClone(settings)),
  } satisfies Partial<Handlers>;
}
