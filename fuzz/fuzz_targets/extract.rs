//! bytes → decode (or HTML extraction, or JSON lines) → prepare → analyze → to_extract →
//! merge → every export. The first byte picks the path. Also checks that every evidence span
//! lies inside the text as given.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shiji::input::{InputDoc, ReadOptions};
use shiji::model::DocExtract;
use shiji::pipeline::{Options, Pipeline, to_extract};
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(&Options::default()).expect("data loads"));

fn run(docs: Vec<InputDoc>) {
    let p = &*PIPELINE;
    let mut extracts: Vec<DocExtract> = Vec::new();
    for d in docs {
        let Ok(doc) = p.prepare(&d.text, &d.given) else {
            continue;
        };
        let a = p.analyze(doc);
        let x = to_extract(&a, &d.text);
        let n = d.text.chars().count();
        for e in &x.entities {
            for m in &e.mentions {
                assert!(m.start <= m.end && m.end <= n, "mention out of the text");
            }
        }
        for e in &x.events {
            for m in &e.evidence {
                assert!(m.start <= m.end && m.end <= n, "evidence out of the text");
            }
        }
        // the extract format round-trips
        let line = serde_json::to_string(&x).expect("serializes");
        let back: DocExtract = serde_json::from_str(&line).expect("parses back");
        extracts.push(back);
    }
    let g = shiji::graph::merge(&extracts);
    let _ = shiji::export::graph_json(&g);
    let _ = shiji::export::dot::to_dot(&g);
    let _ = shiji::export::timeline::timeline_json(&g);
    let _ = shiji::export::timeline::timeline_md(&g);
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let opts = ReadOptions::default();
    let docs = match mode % 4 {
        // a text file: decode as detected
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
        // an HTML page
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
        // JSON lines
        _ => shiji::input::read_jsonl_each("fuzz.jsonl", bytes, &opts)
            .into_iter()
            .filter_map(Result::ok)
            .collect(),
    };
    run(docs);
});
