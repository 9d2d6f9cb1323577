// @ts-check
/**
 * ESLint rule: layers import downwards only (docs/ARCHITECTURE.md, "Layers"). It fails closed:
 * `layers` lists, for each folder under `root`, the layers it MAY import; a file in a folder not
 * listed (a new layer nobody placed yet, or a file loose in `root`) is reported, and so is a
 * file reaching out of `root` other than to `outside` (any file) or `testSupport` (tests only). `root` must be absolute (the config passes its own
 * folder), so the rule does not depend on the directory ESLint runs from. Relative import paths
 * are resolved against the importing file, so `src/domain/board/` (board-neutral item shapes) is
 * not mistaken for the `src/board/` layer. Written here rather than taken from
 * eslint-plugin-import-x, whose native resolver's lock-file entries break `npm ci` on this
 * registry.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Tests, and test helpers kept in a `testing/` folder beside the code they serve. */
const TEST_FILE = /\.test\.tsx?$|[\\/]testing[\\/]/;

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each src/<layer>/ imports only the layers it is allowed to.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
          },
          outside: { type: 'array', items: { type: 'string' } },
          testSupport: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { root, layers, outside = [], testSupport = [] } = context.options[0];
    if (!isAbsolute(root))
      throw new Error(`touchpoint/layer-imports: root must be an absolute path, got "${root}".`);
    const inside = (/** @type {string} */ dir, /** @type {string} */ file) => {
      const rel = relative(dir, file);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    };
    const layerOf = (/** @type {string} */ file) =>
      inside(root, file) ? (relative(root, file).split(sep)[0] ?? null) : null;
    const from = layerOf(context.filename);
    if (!from) return {};
    const allowed = Object.hasOwn(layers, from) ? layers[from] : undefined;
    const isTest = TEST_FILE.test(context.filename);
    const check = (/** @type {import('estree').Node} */ node, /** @type {unknown} */ source) => {
      if (!allowed) return;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = resolve(dirname(context.filename), source);
      const target = layerOf(resolved);
      if (target === null) {
        const within = (/** @type {string[]} */ paths) =>
          paths.some((path) => path === resolved || inside(path, resolved));
        if (within(outside) || (isTest && within(testSupport))) return;
        context.report({
          node,
          message: `${from}/ must not import from outside ${relative(dirname(root), root)}/ (${source}).`,
        });
      } else if (!allowed.includes(target)) {
        context.report({
          node,
          message: `${from}/ must not import from ${target}/: it may import ${allowed.join(', ')} (docs/ARCHITECTURE.md, "Layers").`,
        });
      }
    };
    return {
      Program: (node) => {
        if (!allowed)
          context.report({
            node,
            message: `${relative(dirname(root), root)}/${from} is not a known layer: add it to LAYERS in eslint.config.js with the layers it may import.`,
          });
      },
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'layer-imports': layerImports } };
