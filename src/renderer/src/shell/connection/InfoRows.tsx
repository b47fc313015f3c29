/** Label/value rows as a definition list. */
import type { Row } from './connection-model';

export function InfoRows({ rows, testId }: { rows: Row[]; testId?: string }): React.JSX.Element {
  return (
    <dl className="info-rows" data-testid={testId}>
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
