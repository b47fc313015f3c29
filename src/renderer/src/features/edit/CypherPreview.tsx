/** The parameterised statements a write will run, as its preview answered them. */
import type { EditResult } from '@shared/edit';

export function CypherPreview({ result }: { result: EditResult }): React.JSX.Element {
  return (
    <details className="cypher-preview" data-testid="cypher-preview">
      <summary>Cypher ({result.statements.length})</summary>
      {result.statements.map((s, i) => (
        <div key={i}>
          <pre>{s.cypher}</pre>
          {Object.keys(s.parameters_summary).length > 0 && (
            <p className="muted small">
              {Object.entries(s.parameters_summary)
                .map(([k, v]) => `$${k}: ${v}`)
                .join(' · ')}
            </p>
          )}
        </div>
      ))}
    </details>
  );
}
