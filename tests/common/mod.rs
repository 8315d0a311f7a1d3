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
