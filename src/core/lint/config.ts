// One configuration shape for the CLI and the extension: defaults, then VS Code settings (extension
// only), then `.starstories.json` — so the CLI in CI and the editor report the same findings.
import type { LabelKind } from '../read/lexicon';
import type { Severity } from '../model';

export type RuleLevel = 'off' | Severity;

export interface StarConfig {
  /** Severity per rule, by code (`STAR005`) or name (`result-without-metric`). */
  rules: Record<string, RuleLevel>;
  wordsPerMinute: number;
  /** Default target for a whole story, in seconds, when its heading gives no timing hint. */
  targetSeconds: number;
  lexicon: Partial<Record<LabelKind, string[]>>;
  include: string[];
  exclude: string[];
  run: 'onType' | 'onSave';
}

export const DEFAULT_CONFIG: StarConfig = {
  rules: {},
  wordsPerMinute: 150,
  targetSeconds: 150,
  lexicon: {},
  include: ['**/*.md'],
  exclude: ['**/node_modules/**', '**/CHANGELOG.md'],
  run: 'onType',
};

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error'];
const KINDS: readonly string[] = ['situation', 'task', 'action', 'result', 'learning', 'challenge'];

/** Reads a partial configuration from untrusted JSON, keeping only well-formed keys and naming the rest. */
export function readConfig(value: unknown): { config: Partial<StarConfig>; problems: string[] } {
  const problems: string[] = [];
  const config: Partial<StarConfig> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { config, problems: ['the configuration must be a JSON object'] };
  const v = value as Record<string, unknown>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  for (const [key, item] of Object.entries(v)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
          config.rules = {};
          for (const [rule, level] of Object.entries(item)) {
            if (typeof level === 'string' && LEVELS.includes(level)) config.rules[rule] = level as RuleLevel;
            else problems.push(`rules.${rule} must be one of ${LEVELS.join(', ')}`);
          }
        } else problems.push('rules must be an object');
        break;
      case 'wordsPerMinute':
      case 'targetSeconds':
        if (typeof item === 'number' && item > 0 && Number.isFinite(item)) config[key] = item;
        else problems.push(`${key} must be a positive number`);
        break;
      case 'include':
      case 'exclude':
        if (strings(item)) config[key] = item as string[];
        else problems.push(`${key} must be a list of globs`);
        break;
      case 'run':
        if (item === 'onType' || item === 'onSave') config.run = item;
        else problems.push('run must be "onType" or "onSave"');
        break;
      case 'lexicon':
        if (typeof item === 'object' && item !== null && !Array.isArray(item) && Object.entries(item).every(([k, words]) => KINDS.includes(k) && strings(words))) {
          config.lexicon = item as StarConfig['lexicon'];
        } else problems.push(`lexicon must map ${KINDS.join('/')} to lists of words`);
        break;
      default:
        problems.push(`unknown key "${key}"`);
    }
  }
  return { config, problems };
}

/**
 * The level `rules` sets for the rule with this code and name, which a layer may write as `STAR005`,
 * `star005` or `result-without-metric`: the last key that names it wins, as mergeConfig keeps the
 * keys in the order the layers set them.
 */
export function ruleLevel(rules: Record<string, RuleLevel>, code: string, name: string): RuleLevel | undefined {
  let level: RuleLevel | undefined;
  for (const [key, value] of Object.entries(rules)) if (key.toUpperCase() === code || key === name) level = value;
  return level;
}

export function mergeConfig(...layers: Partial<StarConfig>[]): StarConfig {
  const merged: StarConfig = { ...DEFAULT_CONFIG, rules: {}, lexicon: {} };
  for (const layer of layers) {
    const { rules, lexicon, ...rest } = layer;
    Object.assign(merged, Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined)));
    // Re-inserted so that a key's place is the layer that set it last (see ruleLevel).
    if (rules) {
      for (const [rule, level] of Object.entries(rules)) {
        delete merged.rules[rule];
        merged.rules[rule] = level;
      }
    }
    if (lexicon) for (const [kind, words] of Object.entries(lexicon)) merged.lexicon[kind as LabelKind] = [...(merged.lexicon[kind as LabelKind] ?? []), ...(words ?? [])];
  }
  return merged;
}
