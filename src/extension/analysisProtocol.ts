// Messages between the extension host and its analysis worker (plain data, structured-cloned).
import type { TooComplex } from '../core/analyse';
import type { ChunkFacts } from '../core/chunkReader';
import type { Finding, Story } from '../core/model';

export interface AnalysisRequest {
  id: number;
  fileName: string;
  text: string;
  config: unknown;
}

export type AnalysisReply =
  | { id: number; stories: Story[]; facts: Omit<ChunkFacts, 'prose'> & { bodyStart: number }; tooComplex: TooComplex[]; findings: Finding[] }
  | { id: number; error: string };
