/**
 * Dependency cycles among steps: one per strongly connected group (Tarjan, iterative so a long
 * chain cannot overflow the stack), each given as the shortest loop through the group's first
 * step in file order. `[a, b]` means a needs b and b needs a.
 */
export function findCycles(order: readonly string[], needs: ReadonlyMap<string, readonly string[]>): string[][] {
  const position = new Map(order.map((id, i) => [id, i]));
  return stronglyConnected(order, needs)
    .filter((group) => group.length > 1)
    .map((group) => {
      const members = new Set(group);
      const first = group.reduce((a, b) => ((position.get(a) ?? 0) <= (position.get(b) ?? 0) ? a : b));
      return shortestLoop(first, members, needs);
    })
    .sort((a, b) => (position.get(a[0]!) ?? 0) - (position.get(b[0]!) ?? 0));
}

function stronglyConnected(order: readonly string[], needs: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const open = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
  };
  for (const start of order) {
    if (index.has(start)) continue;
    open(start);
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = needs.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!;
        if (!needs.has(target)) continue;
        if (!index.has(target)) {
          open(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}

// Breadth-first from `start` inside its group, so the loop named in the error is the shortest one.
function shortestLoop(start: string, members: ReadonlySet<string>, needs: ReadonlyMap<string, readonly string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const target of needs.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const loop = [node];
        for (let at = node; at !== start; ) {
          at = previous.get(at)!;
          loop.unshift(at);
        }
        return loop;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}
