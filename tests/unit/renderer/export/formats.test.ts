import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../../src/renderer/src/features/export/formats';
import { sampleGraph } from './fixture';

const source = {
  data: sampleGraph,
  view: null,
  sigma: null,
  background: '#fff',
  foreground: '#000',
};

describe('export formats', () => {
  it('produce their files with the expected names and types', async () => {
    const produced: Record<string, string[]> = {};
    for (const format of EXPORT_FORMATS.filter((f) => f.group !== 'Image')) {
      const files = await format.produce(source, 'view');
      produced[format.id] = files.map((f) => `${f.name} ${f.mime}`);
      for (const f of files)
        expect(typeof f.data === 'string' ? f.data.length : 1).toBeGreaterThan(0);
    }
    expect(produced).toEqual({
      csv: ['view-nodes.csv text/csv', 'view-edges.csv text/csv'],
      json: ['view.json application/json'],
      gexf: ['view.gexf application/gexf+xml'],
      graphml: ['view.graphml application/graphml+xml'],
      'coverage-csv': ['view-coverage.csv text/csv'],
      'coverage-xlsx': [
        'view-coverage.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    });
  });

  it('refuse an image when nothing is drawn, with a message', async () => {
    for (const id of ['png', 'svg']) {
      const image = EXPORT_FORMATS.find((f) => f.id === id);
      await expect(image?.produce(source, 'view')).rejects.toThrow(/no network on screen/);
    }
  });
});
