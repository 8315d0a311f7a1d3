//! Shared helpers of the integration tests: run the library the way `shiji build` does.
#![allow(dead_code)]
use shiji::graph::{GraphJson, KnowledgeGraph};
use shiji::input::{ReadOptions, read_file};
use shiji::pipeline::{Options, Pipeline};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

pub static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(&Options::default()).expect("data loads"));

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn demo_path() -> PathBuf {
    repo().join("data/articles/mobvoi-li-zhifei-interview-2023-04-23.txt")
}

pub fn build_graph(paths: &[&Path]) -> KnowledgeGraph {
    let mut extracts = Vec::new();
    for p in paths {
        for d in read_file(p, &ReadOptions::default()).expect("readable input") {
            extracts.push(PIPELINE.extract(&d.text, &d.given).expect("extracts"));
        }
    }
    shiji::graph::merge(&extracts)
}

pub fn demo_graph() -> GraphJson {
    static G: LazyLock<GraphJson> =
        LazyLock::new(|| shiji::export::to_graph_json(&build_graph(&[&demo_path()])));
    G.clone()
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_shiji")
}

pub fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("shiji-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Every file `build` writes by default.
pub const OUTPUT_FILES: [&str; 13] = [
    "graph.json",
    "graph.dot",
    "timeline.json",
    "timeline.md",
    "index.html",
    "timeline.tljs.json",
    "graph.graphml",
    "nodes.csv",
    "edges.csv",
    "graph.cypher",
    "graph.jsonld",
    "events.csv",
    "entities.csv",
];

/// Runs the shiji binary in the repository root with `args`, feeding `stdin` when given.
pub fn run_cli(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut c = Command::new(bin())
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = c.stdin.take().unwrap();
    if let Some(s) = stdin {
        input.write_all(s.as_bytes()).unwrap();
    }
    drop(input);
    c.wait_with_output().unwrap()
}
