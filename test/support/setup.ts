// Run before every test file (test/vitest.config.ts): with workers reused from file to file,
// support/cli.ts is loaded once per worker, so its own afterAll serves only the first file.
import { afterAll } from 'vitest';
import { removeTempDirs } from './cli.js';

afterAll(removeTempDirs);
