//! The clean stage alone, repeated, for profiling: `bench_clean CORPUS.jsonl [ROUNDS]`.
use shiji::input::{ReadOptions, read_jsonl};
use shiji::pipeline::{Options, Pipeline};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: bench_clean CORPUS.jsonl [ROUNDS]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let file = std::fs::File::open(&path).expect("corpus");
    let docs = read_jsonl(
        &path,
        std::io::BufReader::new(file),
        &ReadOptions::default(),
    )
    .expect("valid corpus");
    let p = Pipeline::new(&Options::default()).expect("data loads");
    let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for d in &docs {
            n += p
                .prepare(&d.text, &d.given)
                .map_or(0, |doc| doc.sentences.len());
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} docs × {rounds}, {n} sentences, {:.2} s, {:.2} M chars/s",
        docs.len(),
        s,
        (chars * rounds) as f64 / s / 1e6
    );
}
