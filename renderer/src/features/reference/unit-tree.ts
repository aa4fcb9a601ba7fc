import type { DataNode } from 'antd/es/tree';
import type { Unit } from '../../../../shared/contracts/reference';

/** Units as a tree, rooted at units without a (live) parent. */
export function unitTree(units: readonly Unit[]): DataNode[] {
  const ids = new Set(units.map((u) => u.id));
  const build = (parent: string | null): DataNode[] =>
    units
      .filter((u) => (u.parentId && ids.has(u.parentId) ? u.parentId : null) === parent)
      .map((u) => ({ key: u.id, title: u.name, children: build(u.id) }));
  return build(null);
}
