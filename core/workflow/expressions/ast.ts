/** Positions are offsets into the expression text, for error messages. */
interface Span {
  start: number;
  end: number;
}

export type Literal = null | boolean | number | string;

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type ExprNode =
  | (Span & { kind: 'literal'; value: Literal })
  | (Span & { kind: 'identifier'; name: string })
  /** `object.name` */
  | (Span & { kind: 'member'; object: ExprNode; name: string; nameStart: number })
  /** `object[index]` */
  | (Span & { kind: 'index'; object: ExprNode; index: ExprNode })
  | (Span & { kind: 'call'; name: string; args: ExprNode[] })
  | (Span & { kind: 'not'; operand: ExprNode })
  | (Span & { kind: 'compare'; op: ComparisonOperator; left: ExprNode; right: ExprNode })
  | (Span & { kind: 'logical'; op: '&&' | '||'; left: ExprNode; right: ExprNode });

/** A parsed `${{ … }}`; `offset` is where its text starts in the YAML string that holds it. */
export interface Expression {
  source: string;
  ast: ExprNode;
  offset: number;
}
