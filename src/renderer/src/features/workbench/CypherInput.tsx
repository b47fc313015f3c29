/**
 * The Cypher editor: CodeMirror with Neo4j's Cypher language support (highlighting and
 * completion from the live schema). Ctrl/Cmd+Enter runs the query; it is caught before the
 * editor sees it, since CodeMirror would otherwise insert a line.
 */
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { KeyboardEvent } from 'react';
import type { CypherSchema } from './schema';

export type CypherInputProps = {
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  schema: CypherSchema;
  theme: 'light' | 'dark';
};

export function isRunShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

export function CypherInput({
  value,
  onChange,
  onRun,
  schema,
  theme,
}: CypherInputProps): React.JSX.Element {
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!isRunShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    onRun();
  };
  return (
    <div className="cypher-input" data-testid="cypher-editor" onKeyDownCapture={onKeyDownCapture}>
      <CypherEditor
        value={value}
        onValueChanged={(v: string) => onChange(v)}
        schema={schema}
        theme={theme}
        autofocus={false}
        lineWrapping
        placeholder="MATCH (c:CONSULTANT {region: $region}) RETURN c LIMIT 25"
      />
    </div>
  );
}
