// ESLint flat config: recommended JS + typescript-eslint rules over every TypeScript source.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'miniprogram/dist/**', 'console/dist/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The mini-program runs in WeChat and in browsers.
  { files: ['miniprogram/src/**'], languageOptions: { globals: { ...globals.browser } } },
  // The desktop console runs in browsers.
  { files: ['console/src/**'], languageOptions: { globals: { ...globals.browser } } },
);
