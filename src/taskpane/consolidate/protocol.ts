/** What the task pane and its consolidation worker say to each other (structured clones). */
import type { FileOutcome } from "../../consolidate/file";

/** One file to analyse: the File itself (read inside the worker), its name to show, the year asked for. */
export interface WorkerTask {
  id: number;
  file: File;
  display: string;
  year?: number;
}

/** The worker's answer: the unit rows and failures of one file (never the analysis). */
export type WorkerAnswer = FileOutcome;
