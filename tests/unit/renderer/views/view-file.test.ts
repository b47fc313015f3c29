import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createViewFile,
  parseViewFile,
  serializeViewFile,
  viewFileName,
} from '../../../../src/renderer/src/features/views/view-file';
import { DEFAULT_VIEW } from '../../../../src/renderer/src/state/view-state';
import type { ViewState } from '../../../../src/renderer/src/state/view-state';

const view: ViewState = {
  mode: 'recommendations',
  filters: { regions: ['NAI'], mandate_statuses: ['At Risk'], influence_levels: [4] },
  appearance: {
    sizeBy: 'performance',
    labels: 'all',
    rules: {
      color: { by: 'category', property: 'community' },
      size: { by: 'range', property: 'pagerank', min: null, max: 0.02, from: 4, to: 20 },
      label: { property: 'region' },
    },
  },
  layout: { ...DEFAULT_VIEW.layout, kind: 'circular' },
  camera: { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 },
  positions: { 'COMPANY:NAI-CO-0001': [1.5, -2.25] },
  expanded: ['COMPANY:NAI-CO-0001'],
};

const JsonObject = z.record(z.string(), z.unknown());
const saved = (): Record<string, unknown> =>
  JsonObject.parse(
    JSON.parse(
      serializeViewFile(createViewFile(view, 'At risk', new Date('2025-01-31T12:00:00Z'))),
    ),
  );

const messageOf = (text: string): string => {
  const result = parseViewFile(text);
  expect(result).toBeInstanceOf(Error);
  return result instanceof Error ? result.message : '';
};

describe('view files', () => {
  it('round-trips a view', () => {
    const result = parseViewFile(JSON.stringify(saved()));
    expect(result).not.toBeInstanceOf(Error);
    expect(result).toMatchObject({ version: 3, name: 'At risk', view });
  });

  it('opens a version 2 file (no style rules) without rules', () => {
    const appearance = { sizeBy: 'performance', labels: 'all' };
    const old = { ...saved(), version: 2, view: { ...view, appearance } };
    const result = parseViewFile(JSON.stringify(old));
    expect(result).not.toBeInstanceOf(Error);
    expect(result).toMatchObject({
      version: 2,
      view: { appearance: { ...appearance, rules: { color: null, size: null, label: null } } },
    });
  });

  it('names the field of a bad style rule', () => {
    const file = saved();
    const bad = {
      ...file,
      view: {
        ...view,
        appearance: {
          ...view.appearance,
          rules: { color: { by: 'range', property: 'x', from: 'red' } },
        },
      },
    };
    expect(messageOf(JSON.stringify(bad))).toMatch(/view\.appearance\.rules\.color\.from/);
  });

  it('opens a version 1 file (no positions, layout kind only) with default layout settings', () => {
    const { positions: _positions, ...rest } = view;
    const old = { ...saved(), version: 1, view: { ...rest, layout: { kind: 'circular' } } };
    const result = parseViewFile(JSON.stringify(old));
    expect(result).not.toBeInstanceOf(Error);
    expect(result).toMatchObject({
      version: 1,
      view: { ...rest, layout: { ...DEFAULT_VIEW.layout, kind: 'circular' } },
    });
    expect(result instanceof Error ? null : result.view.positions).toBeUndefined();
  });

  it('refuses text that is not JSON', () => {
    expect(messageOf('{"format": ')).toMatch(/not valid JSON/);
  });

  it('refuses JSON that is not a view file', () => {
    expect(messageOf('[1, 2]')).toMatch(/not a saved view/);
    expect(messageOf('{"nodes": []}')).toMatch(/not a saved view/);
    expect(messageOf('null')).toMatch(/not a saved view/);
  });

  it('says when a file comes from a newer version', () => {
    expect(messageOf(JSON.stringify({ ...saved(), version: 7 }))).toMatch(/newer version/);
  });

  it('names the field at fault in a damaged file', () => {
    const file = saved();
    const bad = {
      ...file,
      view: { ...JsonObject.parse(file.view), camera: { x: 'left', y: 0, ratio: 1, angle: 0 } },
    };
    expect(messageOf(JSON.stringify(bad))).toMatch(/view\.camera\.x/);
  });

  it('refuses unknown filter fields and values outside the enumerations', () => {
    const file = saved();
    const unknownField = {
      ...file,
      view: { ...JsonObject.parse(file.view), filters: { colour: ['red'] } },
    };
    expect(messageOf(JSON.stringify(unknownField))).toMatch(/view\.filters/);
    const badValue = {
      ...file,
      view: { ...JsonObject.parse(file.view), filters: { ratings: ['Great'] } },
    };
    expect(messageOf(JSON.stringify(badValue))).toMatch(/view\.filters\.ratings/);
  });

  it('refuses a file without its view, or with a bad date', () => {
    const { view: _view, ...rest } = saved();
    expect(messageOf(JSON.stringify(rest))).toMatch(/view/);
    expect(messageOf(JSON.stringify({ ...saved(), saved_at: 'yesterday' }))).toMatch(/saved_at/);
  });

  it('refuses an oversized file without parsing it', () => {
    expect(messageOf(' '.repeat(5_000_001))).toMatch(/too large/);
  });

  it('makes safe file names', () => {
    expect(viewFileName('At risk / NAI')).toBe('At-risk-NAI.snview.json');
    expect(viewFileName('   ')).toBe('view.snview.json');
  });
});
