//! Characters per second of each stage on one core over a JSON-lines corpus:
//! `cargo run --release --example bench_stages -- CORPUS.jsonl [MAX_DOCS]`.
//!
//! Besides wall time it reports the thread's CPU time per stage (Linux:
//! `/proc/thread-self/schedstat`), which a busy machine disturbs less: time spent waiting
//! for a core does not count.
use shiji::entity::EntityStage;
use shiji::event::EventStage;
use shiji::input::{ReadOptions, read_jsonl};
use shiji::pipeline::{Analysis, Options, Pipeline, to_extract};
use std::time::{Duration, Instant};

/// The allocator the `shiji` binary uses, so the stage rates are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let mut cpu = [0u64; 6];
    let mut last_cpu = cpu_ns();
    let mut lap = |k: usize| {
        let now = cpu_ns();
        cpu[k] += now.saturating_sub(last_cpu);
        last_cpu = now;
    };
    let mut chars = 0usize;
    for d in docs.iter().take(max) {
        chars += d.text.chars().count();
        let s = Instant::now();
        let doc = p.prepare(&d.text, &d.given).expect("document");
        t[0] += s.elapsed();
        lap(0);
        let s = Instant::now();
        let times = p.time.tag(&doc.text, d.given.published.unwrap_or_default());
        t[1] += s.elapsed();
        lap(1);
        let s = Instant::now();
        let ents = EntityStage {
            lexicon: &p.lexicon,
            words: &p.words,
        }
        .run(&doc);
        t[2] += s.elapsed();
        lap(2);
        let s = Instant::now();
        let events = EventStage {
            rules: &p.events,
            lexicon: &p.lexicon,
            words: &p.words,
        }
        .run(&doc, &ents, &times);
        t[3] += s.elapsed();
        lap(3);
        let s = Instant::now();
        let a = Analysis {
            doc,
            times,
            entities: ents,
            events,
        };
        let x = to_extract(&a, &d.text);
        t[4] += s.elapsed();
        lap(4);
        let s = Instant::now();
        std::hint::black_box(serde_json::to_string(&x).unwrap());
        t[5] += s.elapsed();
        lap(5);
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
    let cpu_total: u64 = cpu.iter().sum();
    println!(
        "{} docs, {:.1} M chars",
        docs.len().min(max),
        chars as f64 / 1e6
    );
    println!(
        "{:<11} {:>8} {:>17} {:>6} {:>8} {:>15}",
        "stage", "wall", "wall rate", "share", "cpu", "cpu rate"
    );
    let rate = |secs: f64| chars as f64 / secs / 1e6;
    for ((n, d), &c) in names.iter().zip(t.iter()).zip(cpu.iter()) {
        let c = c as f64 / 1e9;
        println!(
            "{n:<11} {:>6.2} s {:>8.2} M chars/s {:>5.1}% {:>6.2} s {:>6.2} M chars/s",
            d.as_secs_f64(),
            rate(d.as_secs_f64()),
            100.0 * d.as_secs_f64() / total.as_secs_f64(),
            c,
            rate(c)
        );
    }
    let c = cpu_total as f64 / 1e9;
    println!(
        "{:<11} {:>6.2} s {:>8.2} M chars/s {:>6} {:>6.2} s {:>6.2} M chars/s",
        "all",
        total.as_secs_f64(),
        rate(total.as_secs_f64()),
        "",
        c,
        rate(c)
    );
}

/// CPU time of this thread in nanoseconds (0 where the kernel does not say).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
