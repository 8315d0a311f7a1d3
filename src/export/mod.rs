//! Exports: pure functions of the graph to bytes, and an atomic writer (temporary file in the
//! same folder, then rename) so an interrupted run never leaves a half-written output.
pub mod dot;
pub mod formats;
pub mod html;
pub mod render;
pub mod timeline;

use crate::graph::{GraphJson, GraphMeta, KnowledgeGraph};
use crate::{Error, Result};
use std::io::Write;
use std::path::Path;

pub const GRAPH_SCHEMA: &str = "shiji.graph/1";

pub fn generator() -> String {
    format!("shiji {}", env!("CARGO_PKG_VERSION"))
}

pub fn to_graph_json(g: &KnowledgeGraph) -> GraphJson {
    GraphJson {
        directed: true,
        multigraph: true,
        graph: GraphMeta {
            schema: GRAPH_SCHEMA.to_string(),
            generator: generator(),
            documents: g.documents.clone(),
        },
        nodes: g.nodes().cloned().collect(),
        edges: g.edges().cloned().collect(),
    }
}

/// graph.json borrowed from the graph: serializing it copies nothing but the output text.
#[derive(serde::Serialize)]
pub struct GraphJsonView<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphMetaView<'a>,
    nodes: Vec<&'a crate::graph::Node>,
    edges: Vec<&'a crate::graph::Edge>,
}

#[derive(serde::Serialize)]
struct GraphMetaView<'a> {
    schema: &'static str,
    generator: String,
    documents: &'a [crate::document::DocMeta],
}

/// The same JSON as [`to_graph_json`], without cloning the graph.
pub fn graph_json_view(g: &KnowledgeGraph) -> GraphJsonView<'_> {
    GraphJsonView {
        directed: true,
        multigraph: true,
        graph: GraphMetaView {
            schema: GRAPH_SCHEMA,
            generator: generator(),
            documents: &g.documents,
        },
        nodes: g.nodes().collect(),
        edges: g.edges().collect(),
    }
}

pub fn graph_json(g: &KnowledgeGraph) -> String {
    let mut s = serde_json::to_string_pretty(&graph_json_view(g)).expect("graph serializes");
    s.push('\n');
    s
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// Writes what `fill` writes to `path` through a buffered temporary file in the same folder
/// and a rename: a large output streams to disk instead of being built in memory first.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// An output format of `build` (`--format`), with the files it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Json,
    Dot,
    Timeline,
    Html,
    Tljs,
    Graphml,
    Neo4j,
    Jsonld,
    Csv,
    Svg,
    Png,
}

impl Format {
    pub const ALL: [Format; 11] = [
        Format::Json,
        Format::Dot,
        Format::Timeline,
        Format::Html,
        Format::Tljs,
        Format::Graphml,
        Format::Neo4j,
        Format::Jsonld,
        Format::Csv,
        Format::Svg,
        Format::Png,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Timeline => "timeline",
            Format::Html => "html",
            Format::Tljs => "tljs",
            Format::Graphml => "graphml",
            Format::Neo4j => "neo4j",
            Format::Jsonld => "jsonld",
            Format::Csv => "csv",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
    pub fn files(self) -> &'static [&'static str] {
        match self {
            Format::Json => &["graph.json"],
            Format::Dot => &["graph.dot"],
            Format::Timeline => &["timeline.json", "timeline.md"],
            Format::Html => &["index.html"],
            Format::Tljs => &["timeline.tljs.json"],
            Format::Graphml => &["graph.graphml"],
            Format::Neo4j => &["nodes.csv", "edges.csv", "graph.cypher"],
            Format::Jsonld => &["graph.jsonld"],
            Format::Csv => &["events.csv", "entities.csv"],
            Format::Svg => &["graph.svg"],
            Format::Png => &["graph.png"],
        }
    }
    /// Needs graphviz (`--render`).
    pub fn is_rendered(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }
    /// Every format but the rendered ones: what `build` writes by default.
    pub fn cheap() -> Vec<Format> {
        Format::ALL
            .into_iter()
            .filter(|f| !f.is_rendered())
            .collect()
    }
    /// A comma list of format names (`all` = every cheap one), sorted and deduplicated.
    pub fn parse_list(s: &str) -> Result<Vec<Format>> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part == "all" {
                out.extend(Format::cheap());
                continue;
            }
            match Format::ALL.into_iter().find(|f| f.name() == part) {
                Some(f) => out.push(f),
                None => {
                    return Err(Error::Output(format!(
                        "--format {part:?}: unknown format; known: all, {}",
                        Format::ALL.map(Format::name).join(", ")
                    )));
                }
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

/// Writes the file `name` of the graph into `w`. Every one but graph.dot (small: names, no
/// evidence) streams, so a corpus's outputs are never held in memory whole. Svg and png go
/// through graphviz.
fn write_file(g: &KnowledgeGraph, name: &str, w: &mut impl Write) -> std::io::Result<()> {
    match name {
        "graph.json" => {
            serde_json::to_writer_pretty(&mut *w, &graph_json_view(g))?;
            w.write_all(b"\n")
        }
        "graph.graphml" => formats::write_graphml(g, w),
        "index.html" => html::write_html(g, w),
        "graph.dot" => w.write_all(dot::to_dot(g).as_bytes()),
        "timeline.json" => timeline::write_timeline_json(g, w),
        "timeline.md" => timeline::write_timeline_md(g, w),
        "timeline.tljs.json" => formats::write_tljs(g, w),
        "nodes.csv" => formats::write_nodes_csv(g, w),
        "edges.csv" => formats::write_edges_csv(g, w),
        "graph.cypher" => formats::write_cypher(g, w),
        "graph.jsonld" => formats::write_jsonld(g, w),
        "events.csv" => formats::write_events_csv(g, w),
        "entities.csv" => formats::write_entities_csv(g, w),
        _ => Ok(()),
    }
}

fn ensure_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Output(format!(
            "{}: --out is a file, not a folder",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    remove_stale_temps(dir);
    Ok(())
}

/// The files of `formats`, written into `dir` (created if missing) by up to `threads` threads
/// (0: one per core; the files are independent); svg and png go through graphviz with
/// `render`. Returns the names written and a note on what rendering left out.
pub fn write_formats(
    g: &KnowledgeGraph,
    dir: &Path,
    formats: &[Format],
    render: &render::RenderOptions,
    threads: usize,
) -> Result<(Vec<String>, String)> {
    ensure_dir(dir)?;
    let (svg, png) = (
        formats.contains(&Format::Svg),
        formats.contains(&Format::Png),
    );
    // render first: a missing graphviz fails before anything is written
    let (rendered, note) = if svg || png {
        render::render(g, render, svg, png)?
    } else {
        (Vec::new(), String::new())
    };
    let names: Vec<&str> = formats
        .iter()
        .filter(|f| !f.is_rendered())
        .flat_map(|f| f.files().iter().copied())
        .collect();
    let results = each_on_threads(&names, threads, |name| {
        write_atomic_with(&dir.join(name), |w| write_file(g, name, w))
    });
    let mut written = Vec::new();
    for (name, r) in names.iter().zip(results) {
        r?;
        written.push(name.to_string());
    }
    for (name, bytes) in rendered {
        write_atomic(&dir.join(name), &bytes)?;
        written.push(name.to_string());
    }
    Ok((written, note))
}

/// `f` of each item, on a rayon pool of `threads` threads (0: one per core); the results in the
/// order of the items. A panic is resumed here.
fn each_on_threads<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    let pool = (threads != 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .ok()
        })
        .flatten();
    match pool {
        Some(pool) => pool.install(|| items.par_iter().map(f).collect()),
        None => items.iter().map(f).collect(),
    }
}

/// Every output file of `build` / `merge` by default (all cheap formats), written into `dir`.
pub fn write_all(g: &KnowledgeGraph, dir: &Path) -> Result<Vec<String>> {
    write_formats(
        g,
        dir,
        &Format::cheap(),
        &render::RenderOptions::default(),
        0,
    )
    .map(|(w, _)| w)
}

/// Removes the temporary files (`.NAME.PID.tmp`) that a run killed mid-write left in `dir`: those
/// of processes that no longer run (a live one may still be writing). Best effort.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let proc = Path::new("/proc");
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
            continue;
        };
        let Some(pid) = rest.rsplit('.').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let alive =
            pid == std::process::id() || !proc.is_dir() || proc.join(pid.to_string()).exists();
        if !alive {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A writer that escapes what passes through it: `escape_at` gives, for the bytes from a
/// position on, the replacement and how many bytes it replaces, or none to keep the byte.
/// serde_json hands each write whole characters (it cuts strings only at escapes), so a
/// multi-byte character is never split between writes.
pub(crate) struct Escaping<W, F>(pub W, pub F);

impl<W, F> std::io::Write for Escaping<W, F>
where
    W: std::io::Write,
    F: Fn(&[u8]) -> Option<(&'static [u8], usize)>,
{
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        let mut i = 0;
        while i < buf.len() {
            let Some((escape, len)) = (self.1)(&buf[i..]) else {
                i += 1;
                continue;
            };
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(escape)?;
            i += len;
            start = i;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
