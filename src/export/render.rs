//! Rendering through graphviz: graph.svg and graph.png from the DOT of the graph (or of a part
//! of it: the neighbourhood of one node, or the most connected nodes), run through `dot` with
//! graphviz-rust's `exec_dot` (it writes the DOT to a temporary file and runs `dot`).
use crate::graph::KnowledgeGraph;
use crate::{Error, Result};
use graphviz_rust::cmd::{CommandArg, Format};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::process::Command;

/// What to render.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Keep at most this many nodes: the most connected (then the smallest ids).
    pub max_nodes: Option<usize>,
    /// Render only the neighbourhood of the node with this name, alias or id.
    pub focus: Option<String>,
    /// Hops from the focus node (events count as a hop).
    pub depth: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            max_nodes: Some(DEFAULT_MAX_NODES),
            focus: None,
            depth: 2,
        }
    }
}

pub const DEFAULT_MAX_NODES: usize = 150;

/// The graph restricted to the nodes in `keep` (and the edges between them).
pub fn subgraph(g: &KnowledgeGraph, keep: &BTreeSet<String>) -> KnowledgeGraph {
    let json = super::to_graph_json(g);
    let mut json = json;
    json.nodes.retain(|n| keep.contains(&n.id));
    json.edges
        .retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
    KnowledgeGraph::from_json(&json)
}

/// The id of the node named `name` (id first, then name, then alias; the most mentioned wins).
pub fn find_node(g: &KnowledgeGraph, name: &str) -> Option<String> {
    if g.node(name).is_some() {
        return Some(name.to_string());
    }
    let lower = name.to_lowercase();
    let by = |f: &dyn Fn(&crate::graph::Node) -> bool| {
        g.nodes()
            .filter(|n| f(n))
            .max_by(|a, b| {
                a.mentions
                    .unwrap_or(0)
                    .cmp(&b.mentions.unwrap_or(0))
                    .then(b.id.cmp(&a.id))
            })
            .map(|n| n.id.clone())
    };
    by(&|n| n.name == name)
        .or_else(|| by(&|n| n.name.to_lowercase() == lower))
        .or_else(|| {
            by(&|n| {
                n.aliases
                    .as_ref()
                    .is_some_and(|a| a.iter().any(|x| x.to_lowercase() == lower))
            })
        })
}

/// The ids within `depth` hops of `start`, edges taken in both directions.
pub fn neighbourhood(g: &KnowledgeGraph, start: &str, depth: usize) -> BTreeSet<String> {
    let mut adj: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in g.edges() {
        adj.entry(&e.source).or_default().insert(&e.target);
        adj.entry(&e.target).or_default().insert(&e.source);
    }
    let mut seen = BTreeSet::from([start.to_string()]);
    let mut queue = VecDeque::from([(start.to_string(), 0usize)]);
    while let Some((id, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for n in adj.get(id.as_str()).into_iter().flatten() {
            if seen.insert(n.to_string()) {
                queue.push_back((n.to_string(), d + 1));
            }
        }
    }
    seen
}

/// The `n` most connected node ids (ties: smaller id); `always` is kept whatever its degree.
pub fn most_connected(g: &KnowledgeGraph, n: usize, always: Option<&str>) -> BTreeSet<String> {
    let mut degree: BTreeMap<&str, usize> = g.nodes().map(|x| (x.id.as_str(), 0)).collect();
    for e in g.edges() {
        *degree.entry(&e.source).or_default() += 1;
        *degree.entry(&e.target).or_default() += 1;
    }
    let mut ids: Vec<(&str, usize)> = degree.into_iter().collect();
    ids.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut keep: BTreeSet<String> = always.map(str::to_string).into_iter().collect();
    for (id, _) in ids {
        if keep.len() >= n.max(1) {
            break;
        }
        keep.insert(id.to_string());
    }
    keep
}

/// The part of the graph to render, and a note on what was left out (for stderr).
pub fn select(g: &KnowledgeGraph, opts: &RenderOptions) -> Result<(KnowledgeGraph, String)> {
    let mut keep: BTreeSet<String> = g.nodes().map(|n| n.id.clone()).collect();
    let mut note = String::new();
    let focus = match &opts.focus {
        Some(name) => {
            let id = find_node(g, name).ok_or_else(|| {
                Error::Output(format!(
                    "--focus {name:?}: no node has this name, alias or id"
                ))
            })?;
            keep = neighbourhood(g, &id, opts.depth);
            note.push_str(&format!(
                "focus {id}, depth {}: {} node(s)",
                opts.depth,
                keep.len()
            ));
            Some(id)
        }
        None => None,
    };
    let sub = subgraph(g, &keep);
    if let Some(max) = opts.max_nodes
        && sub.graph.node_count() > max
    {
        let kept = most_connected(&sub, max, focus.as_deref());
        if !note.is_empty() {
            note.push_str("; ");
        }
        note.push_str(&format!(
            "kept the {} most connected of {} nodes (--max-nodes)",
            kept.len(),
            sub.graph.node_count()
        ));
        return Ok((subgraph(&sub, &kept), note));
    }
    Ok((sub, note))
}

/// Fails with the Debian packages to install when `dot` or a CJK font is missing.
pub fn check_tools() -> Result<()> {
    let hint = "install them with: apt-get install graphviz fonts-wqy-zenhei";
    match Command::new("dot").arg("-V").output() {
        Ok(o) if o.status.success() => {}
        _ => {
            return Err(Error::Output(format!(
                "rendering needs graphviz's `dot` and a Chinese font; `dot` was not found: {hint}"
            )));
        }
    }
    let fonts = Command::new("fc-list").arg(":lang=zh").output();
    match fonts {
        Ok(o) if o.status.success() && !o.stdout.trim_ascii().is_empty() => Ok(()),
        _ => Err(Error::Output(format!(
            "rendering needs a Chinese (CJK) font and none was found (`fc-list :lang=zh` lists none): {hint}"
        ))),
    }
}

/// Runs `dot` on the DOT text for one output format.
pub fn run_dot(dot: &str, format: Format) -> Result<Vec<u8>> {
    graphviz_rust::exec_dot(dot.to_string(), vec![CommandArg::Format(format)])
        .map_err(|e| Error::Output(format!("graphviz `dot` failed: {e}")))
}

/// Rendered files: (name, bytes).
pub type Rendered = Vec<(&'static str, Vec<u8>)>;

/// graph.svg and/or graph.png of the selected part of the graph.
pub fn render(
    g: &KnowledgeGraph,
    opts: &RenderOptions,
    svg: bool,
    png: bool,
) -> Result<(Rendered, String)> {
    check_tools()?;
    let (sub, note) = select(g, opts)?;
    let dot = super::dot::to_dot(&sub);
    let mut out = Vec::new();
    if svg {
        out.push(("graph.svg", run_dot(&dot, Format::Svg)?));
    }
    if png {
        out.push(("graph.png", run_dot(&dot, Format::Png)?));
    }
    Ok((out, note))
}
