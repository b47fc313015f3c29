/**
 * Filter options: every value each filter field can take, from the data (all of it or one
 * region), and cascading options narrowed by a current filter. Cascading works like faceted
 * search: the options of a field the filter sets are computed with that field left out, so the
 * other values of the field stay selectable (values within a field are ORed).
 */
import type { FilterOptions, FilterRequest } from '../../../shared/api';
import { facetsQuery, OPTION_COLUMNS, optionsQuery } from '../../db/cypher/options';
import type { PathFilterField } from '../../db/cypher/paths';
import { checkFilter, filterParameters, setFields } from '../graph/filter-fields';
import { readTransaction } from '../graph/read';
import { assertRegionExists, assertRegionsConfigured } from '../regions';
import type { Handlers, ServiceDeps } from '../types';
import { buildFilterOptions, type OptionRow } from './build';

/** The option keys each filter field narrows; range fields without options narrow only others. */
const OPTION_OF: Partial<Record<PathFilterField, keyof FilterOptions>> = {
  regions: 'regions',
  sales_regions: 'sales_regions',
  channels: 'channels',
  privacy_levels: 'privacy_levels',
  asset_classes: 'asset_classes',
  jpm_flags: 'jpm_flags',
  mandate_statuses: 'mandate_statuses',
  influence_levels: 'influence_levels',
  ratings: 'ratings',
  opportunity_types: 'opportunity_types',
  consultant_ids: 'consultants',
  field_consultant_ids: 'field_consultants',
  company_ids: 'companies',
  product_ids: 'products',
  incumbent_product_ids: 'incumbent_products',
  fc_total_plan_assets_min: 'fc_total_plan_assets',
  fc_total_plan_assets_max: 'fc_total_plan_assets',
};

function rowOf(record: { get(key: string): unknown } | undefined): OptionRow {
  const row: OptionRow = {};
  for (const column of OPTION_COLUMNS) row[column] = record?.get(column);
  return row;
}

export function createFilterOptionsService(deps: ServiceDeps) {
  const facets = (filter: FilterRequest, fields: PathFilterField[]): Promise<FilterOptions> =>
    readTransaction(deps, async (tx) => {
      const result = await tx.run(
        facetsQuery(filter.mode, fields),
        filterParameters(filter, fields),
      );
      return buildFilterOptions(rowOf(result.records[0]));
    });

  const options = async (region: string | undefined): Promise<FilterOptions> => {
    const row = await readTransaction(deps, async (tx) => {
      const result = await tx.run(optionsQuery(region !== undefined), { region: region ?? null });
      return rowOf(result.records[0]);
    });
    return buildFilterOptions(row);
  };

  return {
    async getFilterOptions({ region }) {
      assertRegionsConfigured(deps.config, region, 'region');
      return options(region);
    },

    async getRegionFilterOptions({ region }) {
      assertRegionExists(deps.config, region);
      return options(region);
    },

    async getCascadingFilterOptions(filter) {
      assertRegionsConfigured(deps.config, filter.regions);
      const fields = setFields(filter);
      checkFilter(filter, fields);
      const narrowed = await facets(filter, fields);
      const keys = new Set(fields.map((field) => OPTION_OF[field]));
      for (const key of keys) {
        if (!key) continue;
        const others = fields.filter((field) => OPTION_OF[field] !== key);
        const without = await facets(filter, others);
        Object.assign(narrowed, { [key]: without[key] });
        narrowed.truncated ||= without.truncated;
      }
      return narrowed;
    },
  } satisfies Partial<Handlers>;
}
