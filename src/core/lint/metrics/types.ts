// Plain data shared by the metric finders. Offsets are string offsets (UTF-16 code units) into
// the text that was passed in; nothing here knows about lines, Markdown trees or VS Code.

/** What a quantity measures. Two quantities can only be compared when their dimensions agree. */
export type Dimension = 'count' | 'percent' | 'money' | 'duration' | 'data' | 'multiplier';

export interface Unit {
  dimension: Dimension;
  /** Short, normalised label for display: `ms`, `s`, `min`, `h`, `days`, `MB`, `%`, `×`, or `''` for a bare count. */
  symbol: string;
  /** Multiplying a value in this unit by `factor` gives the dimension's base unit (ms, bytes, 1). */
  factor: number;
  /** Currency symbol for money: `$`, `€`, `£`. */
  currency?: string;
  /** The "per …" part of a rate: `/day`, `per week`, `calls/day`, `req/min`. */
  per?: RatePer;
  /** Denominator of a score such as `6.2/10`. */
  outOf?: number;
}

export interface RatePer {
  /** Normalised name: `second`, `minute`, `hour`, `day`, `week`, `month`, `quarter`, `year`, or any other word (`deployment`). */
  name: string;
  /** Length of the period in ms when it is a time period; undefined for "per deployment", "per function". */
  ms?: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface Quantity extends Span {
  /** The text from `start` to `end` as written (Markdown emphasis included). */
  text: string;
  /** The number (low end of a range) in the unit as written, magnitude applied: `$120K` gives 120000, `2 hours` gives 2. */
  value: number;
  /** High end of a range such as `8-10 per week`; undefined for a single value. */
  high?: number;
  unit: Unit;
  /** Magnitude suffix as written, normalised to `K`, `M` or `B` (for display); undefined when none. */
  magnitude?: 'K' | 'M' | 'B';
  /** Digits after the decimal point in the number as written. */
  decimals: number;
  /** True when the number was written as words (`two hours`, `zero downtime`). */
  words?: boolean;
}

/** The computed range of a value: equal ends when no range is involved. */
export interface Interval {
  min: number;
  max: number;
}

export type ClaimKind = 'percent' | 'points' | 'ratio' | 'amount';

/** A stated result attached to a change: `(44.4% reduction)`, `3x faster`, `= $120K savings`. */
export interface MetricClaim extends Span {
  /** The whole claim as written, e.g. `50% reduction`. */
  text: string;
  kind: ClaimKind;
  /** The number the claim states, in its own scale (`$120K` gives 120, `44.4%` gives 44.4). */
  value: number;
  /** Digits after the decimal point in the claim (its precision). */
  decimals: number;
  /** Offsets of the claim's number with its unit (`50%`, `3x`, `$120K`): the part `expected` replaces. */
  valueStart: number;
  valueEnd: number;
  valueText: string;
  /** What the numbers give, in the claim's own scale; undefined when it cannot be computed (a change from zero). */
  computed?: Interval;
  /** Whether the claim matches the numbers within ±1 in its last digit; undefined when it cannot be checked. */
  holds: boolean | undefined;
  /** The computed value written the way the claim writes its number (`20%`, `3.5x`, `$120K`); replaces `valueText`. */
  expected?: string;
}

export interface MetricChange extends Span {
  /** The pair as written, from the start of `before` to the end of `after`. */
  text: string;
  form: 'arrow' | 'from-to' | 'to-from';
  before: Quantity;
  after: Quantity;
  /** |B−A|/A in percent over the range ends; undefined when A is 0. */
  relativePercent?: Interval;
  /** |B−A| in percentage points, for two percentages. */
  points?: Interval;
  /** B/A over the range ends; undefined when A is 0. */
  ratio?: Interval;
  direction: 'up' | 'down' | 'same';
  claims: MetricClaim[];
  /** False when any claim fails, true when every checkable claim holds, undefined when there is no checkable claim. */
  holds: boolean | undefined;
}

export interface VagueClaim extends Span {
  /** The intensifier as written, e.g. `significantly`, `much faster`. */
  word: string;
  /** True when the sentence around it has a quantity, so the intensifier is backed by a number. */
  quantified: boolean;
}
