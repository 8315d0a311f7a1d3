//! Characters per second of each stage on one core over a JSON-lines corpus:
//! `cargo run --release --example bench_stages -- CORPUS.jsonl [MAX_DOCS]`.
use shiji::entity::EntityStage;
use shiji::event::EventStage;
use shiji::input::{ReadOptions, read_jsonl};
use shiji::pipeline::{Analysis, Options, Pipeline, to_extract};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: bench_stages CORPUS.jsonl [MAX_DOCS]");
    let max: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("corpus file"));
    let docs = read_jsonl(path, file, &ReadOptions::default()).expect("valid corpus");
    let p = Pipeline::new(&Options::default()).expect("data loads");
    let mut t = [Duration::ZERO; 6];
    let mut chars = 0usize;
    for d in docs.iter().take(max) {
        chars += d.text.chars().count();
        let s = Instant::now();
        let doc = p.prepare(&d.text, &d.given).expect("document");
        t[0] += s.elapsed();
        let s = Instant::now();
        let times = p.time.tag(&doc.text, d.given.published.unwrap_or_default());
        t[1] += s.elapsed();
        let s = Instant::now();
        let ents = EntityStage {
            lexicon: &p.lexicon,
            words: &p.words,
        }
        .run(&doc);
        t[2] += s.elapsed();
        let s = Instant::now();
        let events = EventStage {
            rules: &p.events,
            lexicon: &p.lexicon,
        }
        .run(&doc, &ents, &times);
        t[3] += s.elapsed();
        let s = Instant::now();
        let a = Analysis {
            doc,
            times,
            entities: ents,
            events,
        };
        let x = to_extract(&a, &d.text);
        t[4] += s.elapsed();
        let s = Instant::now();
        std::hint::black_box(serde_json::to_string(&x).unwrap());
        t[5] += s.elapsed();
    }
    let names = [
        "clean",
        "time",
        "entities",
        "events",
        "to_extract",
        "serialize",
    ];
    let total: Duration = t.iter().sum();
    println!(
        "{} docs, {:.1} M chars",
        docs.len().min(max),
        chars as f64 / 1e6
    );
    for (n, d) in names.iter().zip(t.iter()) {
        println!(
            "{n:<11} {:>8.2} s {:>10.2} M chars/s {:>5.1}%",
            d.as_secs_f64(),
            chars as f64 / d.as_secs_f64() / 1e6,
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    }
    println!(
        "{:<11} {:>8.2} s {:>10.2} M chars/s",
        "all",
        total.as_secs_f64(),
        chars as f64 / total.as_secs_f64() / 1e6
    );
}
