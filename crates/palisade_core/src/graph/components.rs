//! Strongly connected components of a directed graph, and shortest cycles through its edges.

use std::collections::VecDeque;
use std::sync::Mutex;

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

/// Shortest return paths found so far, by (start, goal).
type PathMemo = rustc_hash::FxHashMap<(usize, usize), Option<Vec<usize>>>;

/// A directed graph's strongly connected components, computed once: whether an edge is in a
/// cycle is then a lookup, and the shortest cycle through it a search inside its component
/// (memoised).
pub struct Components {
    /// Successors of each node, sorted: searches visit lower indices first, so output is stable.
    successors: Vec<Vec<usize>>,
    /// Each node's component, `usize::MAX` for a node in no cycle.
    component: Vec<usize>,
    /// Shortest return paths (`to` back to `from`), each searched once.
    memo: Mutex<PathMemo>,
}

impl Components {
    pub fn new(nodes: usize, edges: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut successors = vec![Vec::new(); nodes];
        let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(nodes, 0);
        for _ in 0..nodes {
            graph.add_node(());
        }
        for (from, to) in edges {
            successors[from].push(to);
        }
        for (from, next) in successors.iter_mut().enumerate() {
            next.sort_unstable();
            next.dedup();
            for &to in next.iter() {
                graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
            }
        }
        let mut component = vec![usize::MAX; nodes];
        for (index, members) in tarjan_scc(&graph).iter().enumerate() {
            if members.len() > 1 {
                for node in members {
                    component[node.index()] = index;
                }
            }
        }
        Self { successors, component, memo: Mutex::default() }
    }

    /// The shortest cycle through the edge `from → to` as the node path `from, to, …, from`, or
    /// `None` when the edge is in no cycle.
    pub fn cycle_through(&self, from: usize, to: usize) -> Option<Vec<usize>> {
        let in_cycle = self.component.get(from).is_some_and(|&c| c != usize::MAX && Some(&c) == self.component.get(to));
        if !in_cycle {
            return None;
        }
        let known = self.memo.lock().ok().and_then(|memo| memo.get(&(to, from)).cloned());
        let back = known.unwrap_or_else(|| {
            let back = self.shortest_path(to, from);
            if let Ok(mut memo) = self.memo.lock() {
                memo.insert((to, from), back.clone());
            }
            back
        })?;
        let mut path = Vec::with_capacity(back.len() + 1);
        path.push(from);
        path.extend(back);
        Some(path)
    }

    /// Breadth-first shortest path `start … goal` staying inside `start`'s component.
    fn shortest_path(&self, start: usize, goal: usize) -> Option<Vec<usize>> {
        let mut previous = rustc_hash::FxHashMap::default();
        previous.insert(start, start);
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            if node == goal {
                let mut path = vec![goal];
                let mut current = goal;
                while current != start {
                    current = previous[&current];
                    path.push(current);
                }
                path.reverse();
                return Some(path);
            }
            for &next in &self.successors[node] {
                if self.component[next] == self.component[start] && !previous.contains_key(&next) {
                    previous.insert(next, node);
                    queue.push_back(next);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::Components;

    #[test]
    fn shortest_cycle_through_each_edge() {
        // 0 → 1 → 2 → 0, 1 → 0, 3 → 0 (not in a cycle).
        let edges = [(0, 1), (1, 2), (2, 0), (1, 0), (3, 0)];
        let components = Components::new(4, edges.iter().copied());
        let found: Vec<_> = edges.iter().map(|&(from, to)| components.cycle_through(from, to)).collect();
        assert_eq!(
            found,
            vec![Some(vec![0, 1, 0]), Some(vec![1, 2, 0, 1]), Some(vec![2, 0, 1, 2]), Some(vec![1, 0, 1]), None]
        );
    }
}
