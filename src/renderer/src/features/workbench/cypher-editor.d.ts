/**
 * The package's export map lists no types, so its own declarations are re-exported here under
 * the package name.
 */
declare module '@neo4j-cypher/react-codemirror' {
  export { CypherEditor } from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
  export type { CypherEditorProps } from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
}
