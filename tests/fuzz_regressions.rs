//! Inputs that the fuzz targets (fuzz/fuzz_targets/) found crashing, or that are hostile by
//! design, replayed through the same paths: `tests/data/fuzz/extract/*` (first byte: 0-1 text,
//! 2 HTML page, 3 JSON lines, as in the fuzz target) and `tests/data/fuzz/time_tagger/*`.
mod common;
use common::*;
use shiji::input::{InputDoc, ReadOptions};
use shiji::model::DocExtract;
use shiji::pipeline::to_extract;
use std::path::PathBuf;

fn cases(dir: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = repo().join("tests/data/fuzz").join(dir);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    out.sort();
    out
}

fn extract_case(data: &[u8]) {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let docs: Vec<InputDoc> = match mode % 4 {
        0 | 1 => match shiji::document::load::decode("fuzz.txt", bytes, None) {
            Ok(text) => vec![InputDoc {
                text,
                given: shiji::document::clean::Given {
                    id: "fuzz".into(),
                    ..Default::default()
                },
                ..Default::default()
            }],
            Err(_) => return,
        },
        2 => {
            let page = String::from_utf8_lossy(bytes);
            let a = shiji::document::extract_html::extract(&page);
            vec![InputDoc {
                text: a.text,
                given: shiji::document::clean::Given {
                    id: "page".into(),
                    title: a.title,
                    published: a.published,
                    ..Default::default()
                },
                ..Default::default()
            }]
        }
        _ => shiji::input::read_jsonl_each("fuzz.jsonl", bytes, &ReadOptions::default())
            .into_iter()
            .filter_map(Result::ok)
            .collect(),
    };
    let mut extracts = Vec::new();
    for d in docs {
        let Ok(doc) = PIPELINE.prepare(&d.text, &d.given) else {
            continue;
        };
        let x = to_extract(&PIPELINE.analyze(doc), &d.text);
        let n = d.text.chars().count();
        for e in &x.entities {
            for m in &e.mentions {
                assert!(m.start <= m.end && m.end <= n);
            }
        }
        let line = serde_json::to_string(&x).unwrap();
        let back: DocExtract = serde_json::from_str(&line).unwrap();
        extracts.push(back);
    }
    let g = shiji::graph::merge(&extracts);
    let _ = shiji::export::graph_json(&g);
    let _ = shiji::export::dot::to_dot(&g);
    let _ = shiji::export::timeline::timeline_json(&g);
    let _ = shiji::export::timeline::timeline_md(&g);
}

#[test]
fn extract_regressions() {
    let all = cases("extract");
    assert!(!all.is_empty());
    for (path, data) in all {
        let r = std::panic::catch_unwind(|| extract_case(&data));
        assert!(r.is_ok(), "{} panics", path.display());
    }
}

#[test]
fn time_tagger_regressions() {
    let reference = chrono::NaiveDate::from_ymd_opt(2023, 4, 23).unwrap();
    for (path, data) in cases("time_tagger") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        let n = text.chars().count();
        let r =
            std::panic::catch_unwind(|| shiji::time::TimeTagger::embedded().tag(text, reference));
        let times = r.unwrap_or_else(|_| panic!("{} panics", path.display()));
        for t in times {
            assert!(t.start <= t.end && t.end <= n, "{}", path.display());
        }
    }
}
