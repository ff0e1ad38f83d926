#!/usr/bin/env node
// Launcher of the `motcua` command: registers tsx (TypeScript on the fly) and runs src/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
