import { describe, expect, it } from 'vitest';
import { switcherRegions } from '../../../src/renderer/src/shell/region-list';

describe('region switcher list', () => {
  it('lists configured regions in their order, empty ones with 0, then regions only the data has', () => {
    expect(
      switcherRegions(
        ['EMEA', 'NAI', 'LATAM'],
        [
          { region: 'NAI', nodes: 720 },
          { region: 'APAC', nodes: 12 },
          { region: 'EMEA', nodes: 5 },
        ],
      ),
    ).toEqual([
      { region: 'EMEA', nodes: 5 },
      { region: 'NAI', nodes: 720 },
      { region: 'LATAM', nodes: 0 },
      { region: 'APAC', nodes: 12 },
    ]);
  });

  it('falls back to the regions in the data until the settings are known', () => {
    expect(switcherRegions(undefined, [{ region: 'NAI', nodes: 3 }])).toEqual([
      { region: 'NAI', nodes: 3 },
    ]);
    expect(switcherRegions(undefined, undefined)).toEqual([]);
  });
});
