// Everything the trees say about each route, stakeholder, warning and bridge item, found once for
// the whole site: every node's effects with the way to that node said as conditions
// (tree-paths.ts). The route, stakeholder and bridge pages read their parts from here.
import type { Lang } from '../core/advice.ts';
import type { RuleSet, Tree, TreeNode } from '../core/ruleset.ts';
import type { Effects } from '../core/schema.ts';
import type { ClauseContext } from './clauses.ts';
import { pathsOf } from './tree-paths.ts';
import type { TreePath } from './tree-paths.ts';

/** A node with effects, and how the walk comes to it. */
export interface EffectSite {
  readonly tree: Tree;
  readonly node: TreeNode;
  readonly effects: Effects;
  readonly path: TreePath;
}

export interface RuleIndex {
  /** Every node with effects that a walk can reach, trees in walk order, nodes in file order. */
  readonly sites: readonly EffectSite[];
  readonly paths: ReadonlyMap<Tree, ReadonlyMap<string, TreePath>>;
}

export function indexRules(rules: RuleSet, lang: Lang): RuleIndex {
  const c: ClauseContext = { rules, lang };
  const sites: EffectSite[] = [];
  const paths = new Map<Tree, ReadonlyMap<string, TreePath>>();
  for (const tree of rules.trees) {
    const p = pathsOf(c, tree);
    paths.set(tree, p);
    for (const id of tree.nodeOrder) {
      const node = tree.nodes.get(id)!;
      const path = p.get(id);
      if (node.effects && path) sites.push({ tree, node, effects: node.effects, path });
    }
  }
  return { sites, paths };
}

/** The effects of the nodes on the way to `site` (itself included): what a walk there collects. */
export function effectsOnTheWay(index: RuleIndex, site: EffectSite): Effects[] {
  const byNode = index.paths.get(site.tree);
  const out: Effects[] = [];
  for (const id of site.path.nodes) {
    const n = site.tree.nodes.get(id);
    if (n?.effects && byNode?.has(id)) out.push(n.effects);
  }
  return out;
}
