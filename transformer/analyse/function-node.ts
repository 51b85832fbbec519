/** The functions the analysis speaks of: a file of its own, so that every analysis file can name them. */
import type ts from "typescript";

/** A function whose body the transformer may rewrite. */
export type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.AccessorDeclaration
  | ts.ConstructorDeclaration;
