//! The merger alone, for profiling issue 7's hand-on thread: `bench_merge EXTRACTS.jsonl [ROUNDS]`
//! (EXTRACTS from `shiji extract`). Times `Merger::add` over every extract, then `finish`.
use shiji::graph::Merger;
use shiji::model::DocExtract;
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: bench_merge EXTRACTS.jsonl [ROUNDS]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("extracts"));
    let extracts: Vec<DocExtract> = file
        .lines()
        .map(|l| serde_json::from_str(&l.expect("readable")).expect("an extract per line"))
        .collect();
    let rss = || {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS"))
                    .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
            })
            .unwrap_or_default()
    };
    println!("RSS with the extracts loaded: {} kB", rss());
    for _ in 0..rounds {
        let t = Instant::now();
        let mut m = Merger::new();
        for x in &extracts {
            m.add(x);
        }
        let added = t.elapsed().as_secs_f64();
        println!("RSS after adding: {} kB", rss());
        let t = Instant::now();
        let g = m.finish();
        let finished = t.elapsed().as_secs_f64();
        println!(
            "{} extracts: add {added:.3} s, finish {finished:.3} s, {} nodes",
            extracts.len(),
            g.nodes().count()
        );
    }
}
