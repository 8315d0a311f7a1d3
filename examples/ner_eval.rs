//! Read JSONL `{"id","text"}` on stdin, write `{"id","entities":[{"text","start","end","type","name"}]}`.
//!
//! cargo run --release --example ner_eval [-- --model PATH] < in.jsonl > pred.jsonl
//! Without `--model` the embedded model is used.
use shiji::ner::NerModel;
use std::io::{BufRead, BufWriter, Write};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let owned;
    let model: &NerModel = match args.iter().position(|a| a == "--model") {
        Some(i) => {
            let p = args
                .get(i + 1)
                .ok_or_else(|| anyhow::anyhow!("--model needs a path"))?;
            owned = NerModel::load(&std::fs::read(p)?)?;
            &owned
        }
        None => NerModel::embedded(),
    };
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let text = v["text"].as_str().unwrap_or("");
        let chars: Vec<char> = text.chars().collect();
        let ents: Vec<serde_json::Value> = model
            .tag_chars(&chars)
            .into_iter()
            .map(|s| {
                let t: String = chars[s.start..s.end].iter().collect();
                serde_json::json!({
                    "text": t, "start": s.start, "end": s.end,
                    "type": s.label.as_str(), "name": t, "score": s.score,
                })
            })
            .collect();
        let rec = serde_json::json!({"id": v["id"], "entities": ents});
        writeln!(out, "{rec}")?;
    }
    Ok(())
}
