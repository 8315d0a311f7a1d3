//! Train the NER tagger.
//!
//! cargo run --release --example train_ner -- --out data/models/ner.model \
//!     [--epochs N] [--bits B] [--seed S] [--runs R] [--prune X] [--lexicons data/ner] FILE.jsonl...
//! cargo run --release --example train_ner -- --from OLD.model --prune X [--fold BITS] --out NEW.model
use shiji::ner::{self, NerModel, TrainOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut opts = TrainOptions {
        verbose: true,
        ..TrainOptions::default()
    };
    let mut out = PathBuf::from("data/models/ner.model");
    let mut files = Vec::new();
    let mut from: Option<PathBuf> = None;
    let mut fold: Option<u32> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{a} needs a value"))
        };
        match a.as_str() {
            "--out" => out = PathBuf::from(val()?),
            "--epochs" => opts.epochs = val()?.parse()?,
            "--bits" => opts.bits = val()?.parse()?,
            "--seed" => opts.seed = val()?.parse()?,
            "--runs" => opts.runs = val()?.parse()?,
            "--prune" => opts.prune = val()?.parse()?,
            "--from" => from = Some(PathBuf::from(val()?)),
            "--fold" => fold = Some(val()?.parse()?),
            "--lexicons" => opts.lexicon_dir = PathBuf::from(val()?),
            _ if a.starts_with("--") => anyhow::bail!("unknown option {a}"),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let t = Instant::now();
    let model = if let Some(from) = from {
        // Re-prune an existing model instead of training.
        let mut m = NerModel::load(&std::fs::read(&from)?)?;
        m.prune(opts.prune);
        if let Some(b) = fold {
            m.fold(b);
        }
        m
    } else {
        anyhow::ensure!(!files.is_empty(), "no training files given");
        eprintln!("options: {opts:?}");
        ner::train(&files, &opts)?
    };
    eprintln!(
        "{} stored rows of {}",
        model.stored_rows(),
        1usize << model.bits()
    );
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
