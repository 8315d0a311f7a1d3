//! `cargo run --example times -- [--ref DATETIME] < in.jsonl > out.jsonl`
use std::io::{BufReader, BufWriter};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let r = args
        .iter()
        .position(|a| a == "--ref")
        .and_then(|i| args.get(i + 1));
    let r = r.and_then(|s| shiji::time::parse_reference(s));
    let r = r.unwrap_or_else(|| chrono::Local::now().naive_local());
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    if let Err(e) = shiji::time::times_jsonl(
        BufReader::new(stdin.lock()),
        BufWriter::new(stdout.lock()),
        r,
    ) {
        eprintln!("times: {e}");
        std::process::exit(1);
    }
}
