/** A ranked table of nodes with figures; a row's name shows the node in the network. */
import type { GraphNode } from '@shared/api';

export type NodeRow = { node: GraphNode; cells: string[] };

export function NodeTable({
  title,
  columns,
  rows,
  onShow,
  empty = 'None',
}: {
  title: string;
  /** Headings of the figure columns (the name and region come first). */
  columns: string[];
  rows: NodeRow[];
  onShow: (node: GraphNode) => void;
  empty?: string;
}): React.JSX.Element {
  return (
    <figure className="chart node-table" data-table={title}>
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Region</th>
              {columns.map((c) => (
                <th key={c} className="num">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, cells }) => (
              <tr key={node.key}>
                <td>
                  <button
                    type="button"
                    className="link"
                    title="Show in the network"
                    onClick={() => onShow(node)}
                  >
                    {typeof node.properties.name === 'string' ? node.properties.name : node.id}
                  </button>
                </td>
                <td>{typeof node.properties.region === 'string' ? node.properties.region : ''}</td>
                {cells.map((cell, i) => (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
