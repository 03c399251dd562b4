import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

/** `var` is function-scoped and hoisted, a classic source of closure-in-loop bugs. */
export const noVar: AstRule = {
  id: 'no-var',
  severity: 'error',
  create(file) {
    // Declaration files describe globals, where `declare var` is the only way to say it.
    if (file.source.isDeclarationFile) return undefined;
    return (node) => {
      if (!ts.isVariableDeclarationList(node) || (node.flags & ts.NodeFlags.BlockScoped) !== 0) return undefined;
      if (ts.isVariableStatement(node.parent) && isAmbient(node.parent)) return undefined;
      return { node, message: "Unexpected var, use let or const instead." };
    };
  },
};

function isAmbient(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current !== undefined; current = current.parent) {
    if (ts.canHaveModifiers(current) && ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) {
      return true;
    }
  }
  return false;
}
