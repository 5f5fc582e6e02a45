import ts from 'typescript';

/** One module a source file refers to. */
export interface ModuleImport {
  /** undefined for `import(expression)`: there is no name to resolve, so nothing the boundary can check. */
  specifier: string | undefined;
  /** `import type`, `export type … from`, `import('x').T` in a type: erased at run time, still a dependency of the design. */
  typeOnly: boolean;
  line: number;
}

/**
 * Every module reference in one file: `import … from`, `import '…'`, `export … from`, `import(…)`,
 * `require(…)` and `import('…')` types. TypeScript's own parser rather than a regular expression, so
 * an import written in a comment or a string is not one, and a multi-line import is.
 */
export function scanImports(source: string, fileName: string): ModuleImport[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: ModuleImport[] = [];
  const add = (node: ts.Node, specifier: string | undefined, typeOnly: boolean) => {
    found.push({ specifier, typeOnly, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  };
  const literal = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : undefined);

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, literal(node.moduleSpecifier), node.importClause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, literal(node.moduleSpecifier), node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, literal(node.moduleReference.expression), node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, literal(node.argument.literal), true);
    } else if (ts.isCallExpression(node) && isImportOrRequire(node)) {
      add(node, literal(node.arguments[0]), false);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function isImportOrRequire(call: ts.CallExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  // createRequire's require in an .mjs file loads a package just as well as an import does.
  return ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1;
}
