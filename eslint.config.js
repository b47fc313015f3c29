// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * Node's built-in modules, matched as bare module names (and their subpaths) so that a project
 * file such as '../shared/http' is not mistaken for Node's 'http'.
 */
const nodeBuiltins = 'node:.*|fs|path|os|child_process|net|http|https|crypto';
const modules = (...names) => `^(${names.join('|')})(/.*)?$`;

/** Import-direction rules: a folder is a runtime, and each runtime may only reach what it can load. */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

/** What the renderer may not load at all, whatever its folder. */
const rendererRuntime = [
  {
    group: ['**/main/**', '**/preload/**'],
    message: 'The renderer reaches main only through its client.',
  },
  {
    regex: modules('electron', 'neo4j-driver', nodeBuiltins),
    message: 'The renderer has no Node, Electron or driver access.',
  },
];
/** Renderer folders below the features. */
const lowerLayers = ['components', 'state', 'client', 'commands', 'graph', 'hooks'];
/** Relative imports that climb into one of these renderer folders or files. */
const upward = (...names) => names.flatMap((name) => [`../**/${name}`, `../**/${name}/**`]);

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.venv',
      'out',
      'dist',
      'release',
      'coverage',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/main/**', 'src/preload/**', 'scripts/**', 'tests/**', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/shared/**'],
    rules: restrict([
      { regex: '^(?!zod$|\\./)', message: 'src/shared imports zod and its own modules only.' },
    ]),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(rendererRuntime),
    },
  },
  // The renderer's layers: shell → features → components, state, client, commands, graph.
  {
    files: ['src/renderer/src/features/**'],
    rules: restrict([
      ...rendererRuntime,
      { group: upward('shell', 'plugins', 'App'), message: 'Features sit below the shell.' },
    ]),
  },
  {
    files: lowerLayers.map((layer) => `src/renderer/src/${layer}/**`),
    rules: restrict([
      ...rendererRuntime,
      {
        group: upward('features', 'shell', 'plugins', 'App'),
        message: `${lowerLayers.join(', ')} sit below features and the shell.`,
      },
    ]),
  },
  {
    files: ['src/preload/**'],
    rules: restrict([
      {
        group: ['**/main/**', '**/renderer/**'],
        message: 'The preload depends on the shared contract only.',
      },
      {
        regex: modules(nodeBuiltins, 'neo4j-driver'),
        message: 'The sandboxed preload cannot load Node modules.',
      },
    ]),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/index.ts', 'src/main/ipc/**', 'src/main/window/**'],
    rules: restrict([
      {
        group: ['electron'],
        message:
          'Only src/main/{index.ts,ipc,window} may use Electron; the rest runs under plain Node.',
      },
      {
        group: ['**/renderer/**', '**/preload/**'],
        message: 'Main does not import renderer or preload code.',
      },
    ]),
  },
  prettier,
);
