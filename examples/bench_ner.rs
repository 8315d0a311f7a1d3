//! Measure the NER tagger's speed on one core.
//!
//! cargo run --release --example bench_ner -- [--model PATH] [--mb N] [--passes P] FILE...
//! The files are concatenated and repeated until the text has at least N MB (default 4).
use shiji::ner::NerModel;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut files = Vec::new();
    let mut model_path = None;
    let mut mb = 4.0f64;
    let mut passes = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model_path = args.next(),
            "--mb" => mb = args.next().unwrap_or_default().parse()?,
            "--passes" => passes = args.next().unwrap_or_default().parse::<usize>()?.max(1),
            _ => files.push(a),
        }
    }
    let t = Instant::now();
    let owned;
    let model: &NerModel = match &model_path {
        Some(p) => {
            owned = NerModel::load(&std::fs::read(p)?)?;
            &owned
        }
        None => NerModel::embedded(),
    };
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    // Load time without the file read: parse the bytes again.
    let bytes = model.to_bytes();
    let t = Instant::now();
    let c0 = thread_cpu_seconds();
    const LOADS: usize = 20;
    for _ in 0..LOADS {
        drop(std::hint::black_box(NerModel::load(&bytes)?));
    }
    let parse_ms = t.elapsed().as_secs_f64() * 1e3 / LOADS as f64;
    let parse_cpu = thread_cpu_seconds()
        .zip(c0)
        .map(|(b, a)| format!(", {:.1} ms CPU", (b - a) * 1e3 / LOADS as f64))
        .unwrap_or_default();
    eprintln!(
        "model: {} bytes; first load {load_ms:.1} ms (embedded or file); load from bytes: {parse_ms:.1} ms wall{parse_cpu} (mean of {LOADS})",
        bytes.len()
    );
    let mut base = String::new();
    for f in &files {
        base.push_str(&std::fs::read_to_string(f)?);
        base.push('\n');
    }
    anyhow::ensure!(!base.is_empty(), "no text given");
    let mut text = String::new();
    while (text.len() as f64) < mb * 1e6 {
        text.push_str(&base);
    }
    let docs: Vec<&str> = text.split("\n\n").collect();
    let chars = text.chars().count();
    // Warm up, then time.
    let _ = model.tag(&base);
    // Several passes: the machine may be shared, so report the best and the median.
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut spans = 0usize;
    for _ in 0..passes {
        let t = Instant::now();
        let cpu0 = thread_cpu_seconds();
        spans = 0;
        for d in &docs {
            spans += model.tag(d).len();
        }
        walls.push(t.elapsed().as_secs_f64());
        if let Some(c) = thread_cpu_seconds().zip(cpu0).map(|(b, a)| b - a) {
            cpus.push(c);
        }
    }
    let rate = |v: &mut Vec<f64>| -> (f64, f64) {
        v.sort_by(|a, b| a.total_cmp(b));
        (
            chars as f64 / v[0] / 1e6,
            chars as f64 / v[v.len() / 2] / 1e6,
        )
    };
    let (wb, wm) = rate(&mut walls);
    println!(
        "{} chars ({:.1} MB) × {} passes, {} spans per pass: wall best {:.2} / median {:.2} M chars/s",
        chars,
        text.len() as f64 / 1e6,
        passes,
        spans,
        wb,
        wm
    );
    if cpus.len() == walls.len() && cpus.iter().all(|&c| c > 0.0) {
        let (cb, cm) = rate(&mut cpus);
        println!("thread CPU time: best {cb:.2} / median {cm:.2} M chars/s");
    }
    Ok(())
}

/// CPU time of the current thread (user + system) from /proc, in seconds (Linux only;
/// 10 ms resolution). Wall time is misleading on a shared machine.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
