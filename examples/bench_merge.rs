//! The merger alone, for profiling issue 7's hand-on thread: `bench_merge EXTRACTS.jsonl [ROUNDS]`
//! (EXTRACTS from `shiji extract`; `-` streams them from stdin, once, printing what the merger
//! holds every 10,000 documents). Times `Merger::add` over every extract, then `finish`.
use shiji::graph::Merger;
use shiji::model::DocExtract;
use std::io::BufRead;
use std::time::Instant;

fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .unwrap_or_default()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: bench_merge EXTRACTS.jsonl|- [ROUNDS]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    if path == "-" {
        let t = Instant::now();
        let mut m = Merger::new();
        for (n, line) in std::io::stdin().lock().lines().enumerate() {
            let x: DocExtract = serde_json::from_str(&line.expect("readable")).expect("an extract");
            m.add(&x);
            if (n + 1) % 10_000 == 0 {
                println!("{} extracts, RSS {} kB: {:?}", n + 1, rss(), m.stats());
            }
        }
        println!(
            "added in {:.3} s, RSS {} kB: {:?}",
            t.elapsed().as_secs_f64(),
            rss(),
            m.stats()
        );
        let t = Instant::now();
        let g = m.finish();
        println!(
            "finish {:.3} s, RSS {} kB, {} nodes",
            t.elapsed().as_secs_f64(),
            rss(),
            g.nodes().count()
        );
        return;
    }
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("extracts"));
    let extracts: Vec<DocExtract> = file
        .lines()
        .map(|l| serde_json::from_str(&l.expect("readable")).expect("an extract per line"))
        .collect();
    println!("RSS with the extracts loaded: {} kB", rss());
    for _ in 0..rounds {
        let t = Instant::now();
        let mut m = Merger::new();
        for x in &extracts {
            m.add(x);
        }
        let added = t.elapsed().as_secs_f64();
        println!("RSS after adding: {} kB", rss());
        println!("{:?}", m.stats());
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
