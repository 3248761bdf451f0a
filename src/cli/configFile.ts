// The CLI's configuration: the file named by --config, else the nearest `.starstories.json` in or above
// the current directory, with the ones in folders below it merged over that for the files they hold.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { mergeConfig, type StarConfig } from '../core/lint/config';
import { CONFIG_FILES, configFolders, readConfigText } from '../core/lint/configLayers';

export interface ConfigResolver {
  /** The configuration of the run as a whole: which files are stories (`include`, `exclude`) comes from here. */
  base: StarConfig;
  /** The configuration for the story file at `path`. */
  forFile(path: string): StarConfig;
  /** Whether a nested configuration file could not be read (named through `warn`; the run exits 2). */
  readonly broken: boolean;
}

function configIn(dir: string): string | undefined {
  return CONFIG_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
}

function nearestConfig(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const found = configIn(dir);
    if (found || dirname(dir) === dir) return found;
  }
}

function readLayer(path: string, nested: boolean, warn: (message: string) => void): { config: Partial<StarConfig>; error?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { config: {}, error: `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const { config, problems, error } = readConfigText(text, nested);
  problems.forEach((p) => warn(`${path}: ${p}`));
  return { config, error: error && `${path}: ${error}` };
}

const posix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/** Resolves the configuration, or says why the top-level file cannot be used (exit 2). `warn` hears about keys that are ignored. */
export function loadConfig(explicit: string | undefined, warn: (message: string) => void, cwd = process.cwd()): { resolver: ConfigResolver; error?: undefined } | { error: string } {
  const root = resolve(cwd);
  const path = explicit ? resolve(root, explicit) : nearestConfig(root);
  const top = path ? readLayer(path, false, warn) : { config: {} };
  if (top.error) return { error: top.error };
  const base = mergeConfig(top.config);
  // Each folder's layer is read once, whatever number of story files it holds.
  const layers = new Map<string, Partial<StarConfig> | undefined>();
  let broken = false;
  const layerOf = (folder: string) => {
    if (!layers.has(folder)) {
      const file = configIn(folder);
      const layer = file ? readLayer(file, true, warn) : undefined;
      if (layer?.error) {
        warn(layer.error);
        broken = true;
      }
      layers.set(folder, layer?.error ? undefined : layer?.config);
    }
    return layers.get(folder);
  };
  const resolver: ConfigResolver = {
    base,
    forFile(file) {
      // The root's own folder is the top-level layer (or was replaced by --config): only the folders below it.
      const below = configFolders(posix(root), posix(resolve(root, file))).slice(1).map((folder) => layerOf(folder)).filter((l) => l !== undefined);
      return below.length ? mergeConfig(top.config, ...below) : base;
    },
    get broken() {
      return broken;
    },
  };
  return { resolver };
}
