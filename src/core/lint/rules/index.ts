// The rule catalogue (DESIGN §4), in code order. docs/rules.md is generated from it.
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { metricMath } from './metricMath';
import { missingSection } from './missingSection';
import { mojibake } from './mojibake';
import { resultWithoutMetric } from './resultWithoutMetric';
import type { Rule } from './rule';
import { sectionOrder } from './sectionOrder';
import { situationHeavy } from './situationHeavy';
import { tooComplex } from './tooComplex';
import { tooLong } from './tooLong';
import { vagueClaim } from './vagueClaim';
import { weOverI } from './weOverI';

export const RULES: readonly Rule[] = [
  tooComplex,
  missingSection,
  emptySection,
  sectionOrder,
  duplicateSection,
  resultWithoutMetric,
  metricMath,
  vagueClaim,
  weOverI,
  tooLong,
  situationHeavy,
  mojibake,
];

export { RULE_DOCS, ruleDocsUrl } from './docs';
