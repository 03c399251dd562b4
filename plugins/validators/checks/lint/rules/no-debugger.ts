import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

export const noDebugger: AstRule = {
  id: 'no-debugger',
  severity: 'error',
  create() {
    return (node) => (ts.isDebuggerStatement(node) ? { node, message: "Unexpected 'debugger' statement." } : undefined);
  },
};
