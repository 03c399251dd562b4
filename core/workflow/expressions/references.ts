import { closest, didYouMean } from '../suggest.ts';
import type { ExprNode } from './ast.ts';

/** The names a workflow declares, against which its expressions are checked before anything runs. */
export interface ReferenceContext {
  /** Undefined when the declaration itself is broken (and reported), so reads of it are not checked. */
  inputs: ReadonlySet<string> | undefined;
  steps: ReadonlySet<string>;
  /** The step the expression belongs to; reading its own result is a mistake. */
  self?: string | undefined;
  /** `item` and `index` exist only in the `with` of a `foreach` step. */
  allowItem: boolean;
}

export interface ReferenceProblem {
  /** Offset in the expression text. */
  offset: number;
  message: string;
}

export interface References {
  /** Step ids read, with where each is first read: these become dependencies. */
  steps: Map<string, number>;
  problems: ReferenceProblem[];
}

export const STEP_FIELDS = ['output', 'status', 'error'] as const;
export const RUN_FIELDS = ['id', 'workflow', 'attempt'] as const;
const ROOTS = ['inputs', 'steps', 'run', 'item', 'index'] as const;

interface Accessor {
  /** The key when it is written literally (`.name` or `['name']`), else undefined. */
  key: string | number | undefined;
  offset: number;
}

/** Finds the steps an expression reads and every name it gets wrong. */
export function analyzeReferences(ast: ExprNode, context: ReferenceContext): References {
  const result: References = { steps: new Map(), problems: [] };
  visit(ast, context, result);
  return result;
}

function visit(node: ExprNode, context: ReferenceContext, result: References): void {
  switch (node.kind) {
    case 'literal':
      return;
    case 'identifier':
      checkChain(node.name, node.start, [], context, result);
      return;
    case 'member':
    case 'index': {
      const { root, accessors, dynamic } = flatten(node);
      for (const index of dynamic) visit(index, context, result);
      if (root.kind === 'identifier') checkChain(root.name, root.start, accessors, context, result);
      else visit(root, context, result);
      return;
    }
    case 'not':
      visit(node.operand, context, result);
      return;
    case 'compare':
    case 'logical':
      visit(node.left, context, result);
      visit(node.right, context, result);
      return;
    case 'call':
      for (const arg of node.args) visit(arg, context, result);
      return;
  }
}

function flatten(node: ExprNode): { root: ExprNode; accessors: Accessor[]; dynamic: ExprNode[] } {
  const accessors: Accessor[] = [];
  const dynamic: ExprNode[] = [];
  let current = node;
  while (current.kind === 'member' || current.kind === 'index') {
    if (current.kind === 'member') {
      accessors.unshift({ key: current.name, offset: current.nameStart });
    } else if (current.index.kind === 'literal' && (typeof current.index.value === 'string' || typeof current.index.value === 'number')) {
      accessors.unshift({ key: current.index.value, offset: current.index.start });
    } else {
      accessors.unshift({ key: undefined, offset: current.index.start });
      dynamic.push(current.index);
    }
    current = current.object;
  }
  return { root: current, accessors, dynamic };
}

function checkChain(root: string, offset: number, accessors: readonly Accessor[], context: ReferenceContext, result: References): void {
  const problem = (at: number, message: string) => result.problems.push({ offset: at, message });
  const first = accessors[0];
  switch (root) {
    case 'inputs':
      if (context.inputs && first?.key !== undefined && !context.inputs.has(String(first.key))) {
        const name = String(first.key);
        problem(
          first.offset,
          context.inputs.size === 0
            ? `unknown input '${name}': the workflow declares no inputs`
            : `unknown input '${name}'${didYouMean(closest(name, context.inputs))}`,
        );
      }
      return;
    case 'steps': {
      if (first === undefined || typeof first.key !== 'string') {
        problem(first?.offset ?? offset, "name the step literally, as in steps.<id>.output, so its dependency is known before the run");
        return;
      }
      const id = first.key;
      if (id === context.self) {
        problem(first.offset, `step '${id}' cannot read its own result; only steps it depends on`);
      } else if (!context.steps.has(id)) {
        problem(first.offset, `unknown step '${id}'${didYouMean(closest(id, context.steps))}`);
      } else if (!result.steps.has(id)) {
        result.steps.set(id, first.offset);
      }
      const field = accessors[1];
      if (field !== undefined && (field.key === undefined || !(STEP_FIELDS as readonly unknown[]).includes(field.key))) {
        const name = field.key === undefined ? 'a computed field' : `'${String(field.key)}'`;
        problem(field.offset, `a step has ${STEP_FIELDS.join(', ')}, not ${name}${didYouMean(closest(String(field.key ?? ''), STEP_FIELDS))}`);
      }
      return;
    }
    case 'run':
      if (first !== undefined && (first.key === undefined || !(RUN_FIELDS as readonly unknown[]).includes(first.key))) {
        const name = first.key === undefined ? 'a computed field' : `'${String(first.key)}'`;
        problem(first.offset, `run has ${RUN_FIELDS.join(', ')}, not ${name}${didYouMean(closest(String(first.key ?? ''), RUN_FIELDS))}`);
      }
      return;
    case 'item':
    case 'index':
      if (!context.allowItem) problem(offset, `'${root}' is only available in the 'with' of a step that has 'foreach'`);
      return;
    default:
      problem(offset, `unknown name '${root}'; expressions start from ${ROOTS.join(', ')}${didYouMean(closest(root, ROOTS))}`);
  }
}
