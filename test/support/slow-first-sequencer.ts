// Starts the slowest end-to-end files first, so the two e2e workers finish together instead of one idling.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The e2e files that take longest, slowest first (seconds measured on 2026-11-30 with two workers,
 * on this two-core machine). Without a results cache (a fresh clone, as CI is) Vitest starts the largest files
 * first, and lab-simulated, a short file with 75 s of runs, started last: the other worker sat idle
 * for its last minute. Longest first is the classic schedule for parallel machines (LPT, Graham
 * 1969): the short files at the end fill the gaps. A file missing here only runs later; a renamed
 * one just loses its place. Update the list when a file's time changes by much.
 */
export const SLOW_E2E_FILES: readonly string[] = [
  'test/e2e/resilience/tab-lifecycle.e2e.ts', // 76 s, most of it a 60 s freeze (issue 11 item 8)
  'test/e2e/real-output/markup.e2e.ts', // 59 s
  'test/e2e/models/remote-pool.e2e.ts', // 54 s
  'test/e2e/studio.e2e.ts', // 53 s
  'test/e2e/real-output/modes.e2e.ts', // 44 s
  'test/e2e/lab.e2e.ts', // 41 s
  'test/e2e/accessibility.e2e.ts', // 36 s
  'test/e2e/first-visit-trace.e2e.ts', // 36 s
  'test/e2e/arena.e2e.ts', // 35 s
  'test/e2e/first-visit-prompt.e2e.ts', // 33 s
  'test/e2e/resilience/pool-shrink.e2e.ts', // 32 s
  'test/e2e/models/remote-hostile.e2e.ts', // 30 s
];

/**
 * Vitest's own order (projects apart, failed then longest first when it has a results cache, else
 * largest file first), with SLOW_E2E_FILES moved to the front of their project in the list's order.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (spec: TestSpecification): number => {
      const at = SLOW_E2E_FILES.indexOf(relative(root, spec.moduleId).replaceAll('\\', '/'));
      return at === -1 ? SLOW_E2E_FILES.length : at;
    };
    // Stable sorts within each project's run of files; the projects keep Vitest's order.
    const byProject = new Map<string, TestSpecification[]>();
    for (const spec of sorted) {
      const group = byProject.get(spec.project.name) ?? [];
      group.push(spec);
      byProject.set(spec.project.name, group);
    }
    return [...byProject.values()].flatMap((group) => group.sort((a, b) => rank(a) - rank(b)));
  }
}
