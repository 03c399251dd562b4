import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

/** A catch block with nothing in it hides failures. A comment inside marks it as deliberate. */
export const noEmptyCatch: AstRule = {
  id: 'no-empty-catch',
  severity: 'error',
  create(file) {
    return (node) => {
      if (!ts.isCatchClause(node) || node.block.statements.length > 0) return undefined;
      const inside = file.source.text.slice(node.block.getStart(file.source) + 1, node.block.getEnd() - 1);
      if (inside.trim() !== '') return undefined;
      return { node, message: 'Empty catch block swallows the error; handle it, or say in a comment why it is safe to ignore.' };
    };
  },
};
