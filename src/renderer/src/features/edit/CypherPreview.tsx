/** The parameterised statements an edit will run, as its preview answered them ("Show Cypher"). */
import type { EditResult } from '@shared/edit';
import { CypherPreview as WriteCypherPreview } from '../../components/CypherPreview';

export function CypherPreview({ result }: { result: EditResult }): React.JSX.Element {
  const statements = result.statements.map((s) => ({
    cypher: s.cypher,
    parameters_summary:
      Object.entries(s.parameters_summary)
        .map(([k, v]) => `$${k}: ${v}`)
        .join(' · ') || 'none',
  }));
  return <WriteCypherPreview statements={statements} />;
}
