#!/usr/bin/env node
// `npm run fuzz`: the fuzz, fix-safety and plain-reader properties with many more cases than `npm run test:unit`
// runs (STAR_FUZZ_SCALE times as many, 25 by default), from a new seed each time unless
// STAR_FUZZ_SEED is set. A failure prints its seed and counterexample: re-run with that seed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const seed = process.env.STAR_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const scale = process.env.STAR_FUZZ_SCALE ?? '25';
console.log(`fuzz: STAR_FUZZ_SEED=${seed} STAR_FUZZ_SCALE=${scale}`);
const mocha = require.resolve('mocha/bin/mocha.js');
const result = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '1800000', '--reporter', 'spec',
    'test/unit/fuzz.test.ts', 'test/unit/fixSafety.test.ts', 'test/unit/plainReader.test.ts'],
  { stdio: 'inherit', env: { ...process.env, STAR_FUZZ_SEED: seed, STAR_FUZZ_SCALE: scale } },
);
process.exit(result.status ?? 1);
