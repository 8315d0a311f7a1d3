//! Exports: pure functions of the graph to bytes, and an atomic writer (temporary file in the
//! same folder, then rename) so an interrupted run never leaves a half-written output.
pub mod dot;
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

pub fn graph_json(g: &KnowledgeGraph) -> String {
    let mut s = serde_json::to_string_pretty(&to_graph_json(g)).expect("graph serializes");
    s.push('\n');
    s
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// Every output file of `build` / `merge`, written into `dir` (created if missing).
pub fn write_all(g: &KnowledgeGraph, dir: &Path) -> Result<Vec<String>> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Output(format!(
            "{}: --out is a file, not a folder",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    remove_stale_temps(dir);
    let files: Vec<(&str, String)> = vec![
        ("graph.json", graph_json(g)),
        ("graph.dot", dot::to_dot(g)),
        ("timeline.json", timeline::timeline_json(g)),
        ("timeline.md", timeline::timeline_md(g)),
    ];
    let mut written = Vec::new();
    for (name, content) in files {
        write_atomic(&dir.join(name), content.as_bytes())?;
        written.push(name.to_string());
    }
    Ok(written)
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
