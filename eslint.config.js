import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**', 'src/server/db/migrations/**', '.scratch*/**', '**/.dev-*', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/server/env.ts only.' }],
    },
  },
  {
    files: ['src/server/env.ts', 'scripts/**', 'bench/**', 'e2e/**', '**/*.config.ts', 'src/server/test/**', 'src/cli/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
