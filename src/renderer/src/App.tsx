export function App(): React.JSX.Element {
  return <h1>Smart Network</h1>;
}
