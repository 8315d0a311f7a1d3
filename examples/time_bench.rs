//! Speed of `TimeTagger::tag` on one core: `time_bench FILE` tags each blank-line-separated
//! document of FILE and prints chars/second. Used by scripts/bench_time.sh.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: time_bench FILE");
    let text = std::fs::read_to_string(&path).expect("read corpus");
    let docs: Vec<&str> = text
        .split("\n\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect();
    let chars: usize = docs.iter().map(|d| d.chars().count()).sum();
    let tagger = shiji::time::TimeTagger::embedded();
    let reference = chrono::NaiveDate::from_ymd_opt(2023, 4, 23).unwrap();
    let _ = tagger.tag(docs[0], reference); // warm up
    let rounds = 3;
    let cpu0 = cpu_ns();
    let start = Instant::now();
    let mut mentions = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            mentions += tagger.tag(d, reference).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let total = (chars * rounds) as f64;
    print!(
        "{} docs x {rounds}, {:.1} M chars, {} mentions per round, wall {:.3} s = {:.1} M chars/s",
        docs.len(),
        total / 1e6,
        mentions / rounds,
        secs,
        total / secs / 1e6
    );
    match (cpu0, cpu_ns()) {
        (Some(a), Some(b)) if b > a => {
            let cpu = (b - a) as f64 / 1e9;
            println!("; on-CPU {cpu:.3} s = {:.1} M chars/s", total / cpu / 1e6)
        }
        _ => println!(),
    }
}

/// Nanoseconds this thread has run on a CPU (Linux /proc/thread-self/schedstat), so that the
/// figure does not depend on how busy a shared machine is.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
