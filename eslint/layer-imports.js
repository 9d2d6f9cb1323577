// @ts-check
/**
 * ESLint rule: layers import downwards only (ARCHITECTURE.md §3). Relative import paths are
 * resolved against the importing file, so `src/domain/board/` (board-neutral item shapes) is not
 * mistaken for the `src/board/` layer. Written here rather than taken from eslint-plugin-import-x,
 * whose native resolver's lock-file entries break `npm ci` on this registry.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports from layers above (src/<layer>/ zones).' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { root = 'src', layers = {} } = context.options[0] ?? {};
    const srcDir = resolve(context.cwd, root);
    const layerOf = (/** @type {string} */ file) => {
      const rel = relative(srcDir, file);
      if (rel.startsWith('..')) return null;
      return rel.split(sep)[0] ?? null;
    };
    const from = layerOf(context.filename);
    const forbidden = from ? layers[from] : undefined;
    if (!from || !forbidden) return {};
    const check = (/** @type {any} */ node, /** @type {unknown} */ source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = layerOf(resolve(dirname(context.filename), source));
      if (target && forbidden.includes(target)) {
        context.report({
          node,
          message: `${from}/ must not import from ${target}/ (ARCHITECTURE.md §3).`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'layer-imports': layerImports } };
