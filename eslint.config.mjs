// ESLint (type-aware, typescript-eslint) for src, test, migrations and scripts; formatting is Prettier's.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.dev/**', 'coverage/**', 'data/**', 'node_modules/**'] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Adapters and fakes implement async ports without always awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON answers as `any` on purpose (their shape is what they assert, against the contract's schemas).
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'module',
          'require',
          'URL',
          'setTimeout',
          'clearTimeout',
          'fetch',
          'Buffer',
          'performance',
          'TextEncoder',
          'crypto',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // Use cases depend on ports; of Nest they know only Injectable (the layering rules are in .dependency-cruiser.cjs).
    files: ['src/*/application/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@nestjs/common', allowImportNames: ['Injectable'], message: 'Use cases use only Injectable of Nest.' }] },
      ],
    },
  },
  prettier,
);
