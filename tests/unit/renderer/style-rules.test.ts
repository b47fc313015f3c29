import { describe, expect, it } from 'vitest';
import {
  CATEGORY_PALETTE,
  ColorRule,
  NO_RULES,
  OTHER_COLOR,
  StyleRules,
  domainOf,
  formatNumber,
  mixColor,
  styleNodes,
} from '../../../src/renderer/src/graph/style-rules';
import type { ValueOf } from '../../../src/renderer/src/graph/style-rules';
import { DEFAULT_APPEARANCE } from '../../../src/renderer/src/graph/appearance';
import { deriveDataset, startExploration } from '../../../src/renderer/src/graph/exploration';
import { nodeValues, styleProperties } from '../../../src/renderer/src/graph/node-values';
import { deriveVisual } from '../../../src/renderer/src/graph/visual';
import { base, c1, co1, f1 } from './fixtures';

const table: Record<string, Record<string, unknown>> = {
  a: { score: 0, kind: 'x', name: 'Alpha' },
  b: { score: 5, kind: 'y' },
  c: { score: 10, kind: 'x' },
  d: { kind: 'x' },
};
const valueOf: ValueOf = (key, property) => table[key]?.[property] ?? null;
const keys = Object.keys(table);

describe('style rules → node attributes', () => {
  it('colours a numeric property along the gradient, from the data range', () => {
    const rules = StyleRules.parse({
      color: { by: 'range', property: 'score', from: '#000000', to: '#ffffff' },
    });
    const style = styleNodes(keys, rules, valueOf);
    expect(Object.fromEntries(style.color)).toEqual({ a: '#000000', b: '#808080', c: '#ffffff' });
    // A node without the value keeps its own colour.
    expect(style.color.has('d')).toBe(false);
    expect(style.legend.color).toEqual({
      by: 'range',
      property: 'score',
      domain: { min: 0, max: 10 },
      from: '#000000',
      to: '#ffffff',
    });
  });

  it('clamps to the rule’s own minimum and maximum', () => {
    const rules = StyleRules.parse({
      size: { by: 'range', property: 'score', min: 5, max: 10, from: 2, to: 12 },
    });
    const style = styleNodes(keys, rules, valueOf);
    expect(Object.fromEntries(style.size)).toEqual({ a: 2, b: 2, c: 12 });
    expect(style.legend.size).toEqual({
      property: 'score',
      domain: { min: 5, max: 10 },
      from: 2,
      to: 12,
    });
  });

  it('gives each category a palette colour, most frequent first, with counts', () => {
    const rules = StyleRules.parse({ color: { by: 'category', property: 'kind' } });
    const style = styleNodes(keys, rules, valueOf);
    expect(style.color.get('a')).toBe(CATEGORY_PALETTE[0]);
    expect(style.color.get('b')).toBe(CATEGORY_PALETTE[1]);
    expect(style.legend.color).toEqual({
      by: 'category',
      property: 'kind',
      entries: [
        { value: 'x', count: 3, color: CATEGORY_PALETTE[0] },
        { value: 'y', count: 1, color: CATEGORY_PALETTE[1] },
      ],
      other: 0,
    });
  });

  it('shares one colour among the categories past the palette, and counts them', () => {
    const many = Array.from({ length: CATEGORY_PALETTE.length + 3 }, (_, i) => `n${i}`);
    const community: ValueOf = (key) => Number(key.slice(1));
    const style = styleNodes(
      many,
      StyleRules.parse({ color: { by: 'category', property: 'community' } }),
      community,
    );
    expect(style.color.get(`n${CATEGORY_PALETTE.length + 2}`)).toBe(OTHER_COLOR);
    const legend = style.legend.color;
    expect(legend?.by === 'category' && legend.entries.map((e) => e.value).slice(0, 3)).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(legend?.by === 'category' && legend.other).toBe(3);
  });

  it('labels by a property, numbers rounded, nodes without one keep their name', () => {
    const style = styleNodes(keys, StyleRules.parse({ label: { property: 'score' } }), valueOf);
    expect(Object.fromEntries(style.label)).toEqual({ a: '0', b: '5', c: '10' });
    expect(formatNumber(0.000123)).toBe('1.23e-4');
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(1234)).toBe('1,234');
  });

  it('styles nothing without rules, and nothing when no node has a number', () => {
    expect(styleNodes(keys, NO_RULES, valueOf)).toMatchObject({
      legend: { color: null, size: null, label: null },
    });
    const none = styleNodes(
      keys,
      StyleRules.parse({ size: { by: 'range', property: 'kind' } }),
      valueOf,
    );
    expect(none.size.size).toBe(0);
    expect(none.legend.size).toBeNull();
  });

  it('mixes colours and takes domains as documented', () => {
    expect(mixColor('#000000', '#ff0000', 0.5)).toBe('#800000');
    expect(domainOf([3, 1, 2], { min: null, max: null })).toEqual({ min: 1, max: 3 });
    expect(domainOf([], { min: null, max: 4 })).toBeNull();
    expect(domainOf([], { min: 9, max: 4 })).toEqual({ min: 4, max: 9 });
  });

  it('refuses a rule with a bad colour, naming the field', () => {
    const parsed = ColorRule.safeParse({ by: 'range', property: 'x', from: 'red' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['from']);
  });
});

describe('rules in the drawn graph', () => {
  const dataset = deriveDataset(startExploration(base));
  const metrics = {
    pagerank: new Map([
      [c1.key, 0.1],
      [f1.key, 0.5],
      [co1.key, 0.9],
    ]),
  };

  it('applies rules on computed metrics and writes the metrics as node attributes', () => {
    const appearance = {
      ...DEFAULT_APPEARANCE,
      rules: StyleRules.parse({
        size: { by: 'range', property: 'pagerank', from: 2, to: 10 },
        color: { by: 'category', property: 'label' },
      }),
    };
    const v = deriveVisual(dataset, appearance, new Map(), metrics);
    expect(v.nodes.get(c1.key)).toMatchObject({ size: 2, pagerank: 0.1 });
    expect(v.nodes.get(co1.key)).toMatchObject({ size: 10, pagerank: 0.9 });
    expect(v.nodes.get(f1.key)?.size).toBeCloseTo(6);
    expect(v.nodes.get(c1.key)?.color).not.toBe(v.nodes.get(co1.key)?.color);
  });

  it('offers computed metrics first, then node fields and the properties found', () => {
    const keysOffered = styleProperties(dataset, metrics).map((p) => p.key);
    expect(keysOffered.slice(0, 4)).toEqual(['pagerank', 'degree', 'label', 'region']);
    const read = nodeValues(dataset, metrics);
    expect(read(c1.key, 'pagerank')).toBe(0.1);
    expect(read(c1.key, 'label')).toBe('CONSULTANT');
    expect(read(c1.key, 'betweenness')).toBeNull();
  });
});
