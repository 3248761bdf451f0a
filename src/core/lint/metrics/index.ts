// Metrics: quantities (STAR005), before→after changes and their claims (STAR006, hover),
// vague intensifiers (STAR007). Pure functions over plain strings; offsets are string offsets.
export type {
  ClaimKind,
  Dimension,
  Interval,
  MetricChange,
  MetricClaim,
  Quantity,
  RatePer,
  Span,
  Unit,
  VagueClaim,
} from './types';
export { findQuantities, findQuantityWords, hasQuantity } from './quantity';
export { findMetricChanges } from './changes';
export { formatChange, formatQuantity } from './format';
export { findVagueClaims } from './vague';
export { claimMatches } from './arithmetic';
export { ARROW_RE } from './pairs';
