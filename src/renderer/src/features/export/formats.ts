/**
 * Every export the app offers, as data: what it is called, its file and how it is produced from
 * the current view. The menu and the tests use the same list.
 */
import type { GraphData } from '@shared/api';
import { coverageRows } from './coverage';
import { coverageCsv, coverageXlsx } from './coverage-files';
import { buildExportGraph, type ViewSource } from './export-graph';
import { edgesCsv, nodesCsv } from './graph-csv';
import { graphGexf, graphJson } from './graph-files';
import { graphGraphml } from './graphml';
import type { SigmaLike } from './png';
import { sigmaToPng } from './png';
import { sigmaToSvg, type SigmaView } from './svg';
import type { SaveRequest } from './save';

export type ExportSource = {
  data: GraphData;
  /** The drawn graph (positions, sizes, colours), when there is one. */
  view: ViewSource | null;
  sigma: (SigmaLike & SigmaView) | null;
  background: string;
  /** Label colour of the theme (SVG labels). */
  foreground: string;
};

export type ExportFormat = {
  id: string;
  label: string;
  /** What the file holds, for the menu. */
  group: 'Image' | 'Graph' | 'Coverage table';
  produce: (source: ExportSource, stem: string) => Promise<SaveRequest[]>;
};

const text = (name: string, mime: string, data: string): SaveRequest => ({ name, mime, data });
const graphOf = (s: ExportSource) => buildExportGraph(s.data, s.view ?? undefined);

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'png',
    label: 'PNG image of the view',
    group: 'Image',
    produce: async (s, stem) => {
      if (!s.sigma) throw new Error('There is no network on screen to capture.');
      return [
        { name: `${stem}.png`, mime: 'image/png', data: await sigmaToPng(s.sigma, s.background) },
      ];
    },
  },
  {
    id: 'svg',
    label: 'SVG image of the view',
    group: 'Image',
    produce: (s, stem) => {
      if (!s.sigma) return Promise.reject(new Error('There is no network on screen to capture.'));
      const svg = sigmaToSvg(s.sigma, s.background, s.foreground);
      return Promise.resolve([text(`${stem}.svg`, 'image/svg+xml', svg)]);
    },
  },
  {
    id: 'csv',
    label: 'CSV (nodes and edges)',
    group: 'Graph',
    produce: (s, stem) => {
      const g = graphOf(s);
      return Promise.resolve([
        text(`${stem}-nodes.csv`, 'text/csv', nodesCsv(g)),
        text(`${stem}-edges.csv`, 'text/csv', edgesCsv(g)),
      ]);
    },
  },
  {
    id: 'json',
    label: 'JSON (graphology)',
    group: 'Graph',
    produce: (s, stem) =>
      Promise.resolve([text(`${stem}.json`, 'application/json', graphJson(graphOf(s)))]),
  },
  {
    id: 'gexf',
    label: 'GEXF (Gephi)',
    group: 'Graph',
    produce: (s, stem) =>
      Promise.resolve([text(`${stem}.gexf`, 'application/gexf+xml', graphGexf(graphOf(s)))]),
  },
  {
    id: 'graphml',
    label: 'GraphML',
    group: 'Graph',
    produce: (s, stem) =>
      Promise.resolve([
        text(`${stem}.graphml`, 'application/graphml+xml', graphGraphml(graphOf(s))),
      ]),
  },
  {
    id: 'coverage-csv',
    label: 'Coverage table (CSV)',
    group: 'Coverage table',
    produce: (s, stem) =>
      Promise.resolve([
        text(`${stem}-coverage.csv`, 'text/csv', coverageCsv(coverageRows(s.data))),
      ]),
  },
  {
    id: 'coverage-xlsx',
    label: 'Coverage table (Excel)',
    group: 'Coverage table',
    produce: async (s, stem) => [
      {
        name: `${stem}-coverage.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: await coverageXlsx(coverageRows(s.data)),
      },
    ],
  },
];
