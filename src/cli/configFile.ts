// Finds and reads `.starstories.json`: the file named by --config, else the nearest one above the
// current directory.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, mergeConfig, readConfig, type StarConfig } from '../core/lint/config';

export function loadConfig(explicit: string | undefined, cwd = process.cwd()): { config: StarConfig; path?: string; error?: string; warnings: string[] } {
  let path = explicit ? resolve(cwd, explicit) : undefined;
  if (!path) {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      if (existsSync(join(dir, CONFIG_FILE))) {
        path = join(dir, CONFIG_FILE);
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (!path) return { config: mergeConfig(), warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { config: mergeConfig(), path, error: `${path}: ${(error as Error).message}`, warnings: [] };
  }
  const { config, problems } = readConfig(json);
  return { config: mergeConfig(config), path, warnings: problems.map((p) => `${path}: ${p}`) };
}
