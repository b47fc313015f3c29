/** Every property of a node or relationship, formatted. */
import type { JsonValue } from '@shared/api';
import { propertyRows } from './format';

export function PropertyTable({
  properties,
}: {
  properties: Record<string, JsonValue>;
}): React.JSX.Element {
  return (
    <dl className="props">
      {propertyRows(properties).map((row) => (
        <div key={row.key} className="prop" data-prop={row.key}>
          <dt>{row.title}</dt>
          <dd>{row.text}</dd>
        </div>
      ))}
    </dl>
  );
}
