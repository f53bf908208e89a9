/**
 * The stacks the pipeline plans and applies, with their dependencies: read from the
 * synthesized app (the same graph cdktf writes to manifest.json), never listed by hand.
 */

/** One stack and the stacks it must be applied after. */
export interface StackNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/** What the graph needs from a stack (cdktf's TerraformStack has both). */
export interface StackLike {
  readonly node: { readonly id: string };
  readonly dependencies: readonly StackLike[];
}

/** The graph of `stacks`, sorted by name; dependencies on stacks outside the list are dropped. */
export function stackGraph(stacks: readonly StackLike[]): StackNode[] {
  const names = new Set(stacks.map((s) => s.node.id));
  return stacks
    .map((s) => ({ name: s.node.id, dependsOn: [...new Set(s.dependencies.map((d) => d.node.id))].filter((d) => names.has(d)).sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Deploy waves: each wave holds stacks whose dependencies are all in earlier waves.
 * Stacks of one wave are applied in parallel.
 */
export function deployWaves(graph: readonly StackNode[]): string[][] {
  const done = new Set<string>();
  let remaining = [...graph];
  const waves: string[][] = [];
  while (remaining.length > 0) {
    const wave = remaining.filter((s) => s.dependsOn.every((d) => done.has(d)));
    if (wave.length === 0) throw new Error(`dependency cycle among stacks: ${remaining.map((s) => s.name).join(', ')}`);
    waves.push(wave.map((s) => s.name));
    wave.forEach((s) => done.add(s.name));
    remaining = remaining.filter((s) => !done.has(s.name));
  }
  return waves;
}

/** A CodeBuild batch identifier for a stack (letters, digits and underscores only). */
export function buildIdentifier(prefix: string, stack: string): string {
  return `${prefix}_${stack.replace(/[^A-Za-z0-9]/g, '_')}`;
}
