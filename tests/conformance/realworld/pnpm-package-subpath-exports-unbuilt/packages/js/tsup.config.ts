import { defineConfig } from 'tsup';

// The only place that maps the `./themes` and `./internal` subpaths to their sources.
export default defineConfig({
  entry: {
    index: './src/index.ts',
    'ui/index': './src/ui/index.ts',
    'themes/index': './src/ui/themes/index.ts',
    'internal/index': './src/ui/internal/index.ts',
  },
});
