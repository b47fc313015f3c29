/** Query results as a table; very long results show their first rows so the page stays quick. */
import type { QueryResponse } from '@shared/api';
import { formatCell, fullCell } from './format-value';

const MAX_TABLE_ROWS = 1_000;

export function ResultsTable({ result }: { result: QueryResponse }): React.JSX.Element {
  const { columns, rows, summary } = result;
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  return (
    <div className="results">
      <p className="results-summary" data-testid="results-summary">
        {summary.row_count.toLocaleString('en-US')} {summary.row_count === 1 ? 'row' : 'rows'} in{' '}
        {Math.round(summary.elapsed_ms)} ms
        {summary.truncated && ' — cut at the row cap'}
        {rows.length > shown.length &&
          ` — showing the first ${shown.length.toLocaleString('en-US')}`}
      </p>
      {columns.length > 0 && (
        <div className="results-scroll">
          <table className="results-table" data-testid="results-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                // Rows have no identity of their own; their position is their key.
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c} title={fullCell(row[c])}>
                      {formatCell(row[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
