import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

/** The one rule of the house (DESIGN.md): the headless core knows nothing of Phaser, idb, the DOM or the views. */
const headlessCore = [
  'src/sim/**',
  'src/patients/**',
  'src/evolution/**',
  'src/knowledge/**',
  'src/language/**',
  'src/schema/**',
  'src/brain/offline/**',
];
const forbiddenInCore = {
  paths: [
    { name: 'phaser', message: 'The sim core runs headless: no Phaser here (DESIGN.md).' },
    { name: 'idb', message: 'The sim core knows nothing of IndexedDB: storage lives in src/store (DESIGN.md).' },
  ],
  patterns: [
    {
      group: ['**/render/**', '**/ui/**', '**/store/**', '**/worker/**', '**/main'],
      message: 'The sim core may not import the renderer, the UI, storage or the page (DESIGN.md).',
    },
  ],
};
/** Browser globals the core must not touch; Node-only modules are allowed only in files named node*.ts. */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch', 'XMLHttpRequest'].map((name) => ({
  name,
  message: 'The sim core runs headless (Node, worker, page): no DOM or network here (DESIGN.md).',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use the seeded Rng in the world state (STYLE.md 6).',
        },
      ],
    },
  },
  {
    files: headlessCore,
    rules: {
      'no-restricted-imports': ['error', forbiddenInCore],
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is the sim clock (DESIGN.md).' },
        { object: 'performance', property: 'now', message: 'Time is the sim clock (DESIGN.md).' },
      ],
    },
  },
  {
    files: ['src/render/**', 'src/ui/**', 'src/main.ts', 'src/store/**', 'src/worker/**', 'tests/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Layout is Prettier's (npm run lint checks it); no stylistic rule may fight it.
  prettier,
);
