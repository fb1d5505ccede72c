/** Frameworks for tests: a built-in record with other indicators or weights. */
import { frameworkForYear } from "../../src/core/frameworks";
import type { Framework } from "../../src/core/types";
import type { ToolId } from "../../src/core/types";

/** The 2568 record with indicators 1…n on the given tools and the given weights. */
export function customFramework(
  tools: ToolId[],
  weights: Record<ToolId, number> = { IIT: 0.3, EIT: 0.3, OIT: 0.4 },
): Framework {
  return {
    ...frameworkForYear(2568).framework,
    id: "TEST",
    indicators: tools.map((tool, i) => ({ no: i + 1, name: `ตัวชี้วัดที่ ${i + 1}`, aliases: [], tool })),
    weights,
  };
}

/** A small deterministic random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
