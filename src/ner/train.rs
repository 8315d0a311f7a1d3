//! Training: averaged structured perceptron over the hashed features, Viterbi decoding,
//! deterministic shuffling.
use super::features::{Lexicons, NUM_LABELS, NUM_TEMPLATES, Scratch};
use super::{NerLabel, NerModel, START, allowed};
use serde::Deserialize;
use std::path::{Path, PathBuf};

const NL: usize = NUM_LABELS;

/// Training options.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Hash bits: the weight table has `2^bits` rows.
    pub bits: u32,
    /// Seed of the shuffle before each epoch.
    pub seed: u64,
    /// Rows whose largest averaged weight (absolute) is below this are dropped.
    pub prune: f32,
    /// Folder with `org_suffix.tsv`, `place_suffix.tsv`, `surname.tsv`.
    pub lexicon_dir: PathBuf,
    /// Number of runs with seeds `seed`, `seed + 1`, ... whose averaged weights are
    /// averaged again (less variance from the shuffle order).
    pub runs: usize,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            bits: 20,
            seed: 20_240_601,
            prune: 0.0,
            lexicon_dir: PathBuf::from("data/ner"),
            runs: 1,
            verbose: false,
        }
    }
}

/// One training sentence: characters and BIO label indexes.
#[derive(Clone, Debug)]
pub struct TrainSentence {
    pub chars: Vec<char>,
    pub labels: Vec<u8>,
}

#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    entities: Vec<Entity>,
}

#[derive(Deserialize)]
struct Entity {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    typ: String,
    #[serde(default)]
    nominal: bool,
}

/// Read a training JSONL file (`{"text", "entities": [{"start","end","type"}]}`).
/// Nominal mentions and types other than person/organization/company/place/product
/// are left unlabelled; overlapping entities after the first are skipped.
pub fn read_jsonl(path: &Path) -> crate::Result<Vec<TrainSentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| crate::Error::io(path, e))?;
    let name = path.display().to_string();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line).map_err(|e| crate::Error::JsonLine {
            path: name.clone(),
            line: n + 1,
            message: e.to_string(),
        })?;
        let chars: Vec<char> = r.text.chars().collect();
        let mut labels = vec![0u8; chars.len()];
        for e in &r.entities {
            if e.nominal || e.start >= e.end || e.end > chars.len() {
                continue;
            }
            let Some(l) = NerLabel::from_type(&e.typ) else {
                continue;
            };
            if labels[e.start..e.end].iter().any(|&x| x != 0) {
                continue;
            }
            let t = l as u8;
            labels[e.start] = 1 + 2 * t;
            for x in &mut labels[e.start + 1..e.end] {
                *x = 2 + 2 * t;
            }
        }
        if !chars.is_empty() {
            out.push(TrainSentence { chars, labels });
        }
    }
    Ok(out)
}

/// Train on JSONL files (see [`read_jsonl`]).
pub fn train(files: &[PathBuf], opts: &TrainOptions) -> crate::Result<NerModel> {
    let mut data = Vec::new();
    for f in files {
        let s = read_jsonl(f)?;
        if opts.verbose {
            eprintln!("{}: {} sentences", f.display(), s.len());
        }
        data.extend(s);
    }
    let lex = Lexicons::from_dir(&opts.lexicon_dir)?;
    Ok(train_sentences(&data, lex, opts))
}

struct SplitMix(u64);
impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Train on sentences with the given lexicons.
pub fn train_sentences(data: &[TrainSentence], lex: Lexicons, opts: &TrainOptions) -> NerModel {
    let bits = opts.bits.clamp(8, 26);
    let rows = 1usize << bits;
    let mask = (rows - 1) as u32;
    // Features are computed once.
    let mut scratch = Scratch::default();
    let mut feats: Vec<Vec<u32>> = Vec::with_capacity(data.len());
    for s in data {
        scratch.prepare(&s.chars, &lex, mask);
        feats.push(scratch.feats.clone());
    }
    let runs = opts.runs.max(1);
    let mut avg = vec![0f32; rows * NL];
    let mut tavg = [[0f32; NL]; NL + 1];
    for run in 0..runs {
        let (a, t) = train_run(data, &feats, rows, opts, opts.seed.wrapping_add(run as u64));
        for (x, y) in avg.iter_mut().zip(a) {
            *x += y / runs as f32;
        }
        for p in 0..=NL {
            for y in 0..NL {
                tavg[p][y] += t[p][y] / runs as f32;
            }
        }
    }
    NerModel::from_float(bits, &avg, &tavg, lex, opts.prune)
}

type Trans = [[f32; NL]; NL + 1];

/// One perceptron run; returns the averaged weights and transitions.
fn train_run(
    data: &[TrainSentence],
    feats: &[Vec<u32>],
    rows: usize,
    opts: &TrainOptions,
    seed: u64,
) -> (Vec<f32>, Trans) {
    let mut w = vec![0f32; rows * NL];
    let mut u = vec![0f64; rows * NL];
    let mut tw = [[0f32; NL]; NL + 1];
    let mut tu = [[0f64; NL]; NL + 1];
    let mut c: f64 = 1.0;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = SplitMix(seed);
    let mut em: Vec<f32> = Vec::new();
    let mut bp: Vec<u8> = Vec::new();
    let mut pred: Vec<u8> = Vec::new();
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut errors, mut total) = (0usize, 0usize);
        for &k in &order {
            let s = &data[k];
            let f = &feats[k];
            let n = s.chars.len();
            em.clear();
            em.resize(n * NL, 0.0);
            for (i, fs) in f.chunks_exact(NUM_TEMPLATES).enumerate() {
                let mut acc = [0f32; NL];
                for &x in fs {
                    let base = x as usize * NL;
                    for y in 0..NL {
                        acc[y] += w[base + y];
                    }
                }
                em[i * NL..i * NL + NL].copy_from_slice(&acc);
            }
            viterbi_f32(&em, n, &tw, &mut bp, &mut pred);
            total += n;
            if pred != s.labels {
                for i in 0..n {
                    let (g, p) = (s.labels[i] as usize, pred[i] as usize);
                    if g != p {
                        errors += 1;
                        for &x in &f[i * NUM_TEMPLATES..(i + 1) * NUM_TEMPLATES] {
                            let base = x as usize * NL;
                            w[base + g] += 1.0;
                            u[base + g] += c;
                            w[base + p] -= 1.0;
                            u[base + p] -= c;
                        }
                    }
                    let gp = if i == 0 {
                        START
                    } else {
                        s.labels[i - 1] as usize
                    };
                    let pp = if i == 0 { START } else { pred[i - 1] as usize };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1.0;
                        tu[gp][g] += c;
                        tw[pp][p] -= 1.0;
                        tu[pp][p] -= c;
                    }
                }
            }
            c += 1.0;
        }
        if opts.verbose {
            eprintln!(
                "epoch {}: {} character errors of {} ({:.3}%)",
                epoch + 1,
                errors,
                total,
                100.0 * errors as f64 / total.max(1) as f64
            );
        }
    }
    // Averaging: w_avg = w - u / c.
    let avg: Vec<f32> = w
        .iter()
        .zip(u.iter())
        .map(|(&a, &b)| (a as f64 - b / c) as f32)
        .collect();
    let mut tavg = [[0f32; NL]; NL + 1];
    for p in 0..=NL {
        for y in 0..NL {
            tavg[p][y] = (tw[p][y] as f64 - tu[p][y] / c) as f32;
        }
    }
    (avg, tavg)
}

fn viterbi_f32(
    em: &[f32],
    n: usize,
    trans: &[[f32; NL]; NL + 1],
    bp: &mut Vec<u8>,
    labels: &mut Vec<u8>,
) {
    labels.clear();
    if n == 0 {
        return;
    }
    bp.clear();
    bp.resize(n * NL, 0);
    let neg = f32::NEG_INFINITY;
    let mut delta = [neg; NL];
    for y in 0..NL {
        if allowed(START, y) {
            delta[y] = em[y] + trans[START][y];
        }
    }
    for i in 1..n {
        let mut nd = [neg; NL];
        // Keep scores small: subtract the best score of the previous step.
        let top = delta.iter().cloned().fold(neg, f32::max);
        for y in 0..NL {
            let (mut best, mut arg) = (neg, 0u8);
            for (p, &d) in delta.iter().enumerate() {
                if !allowed(p, y) {
                    continue;
                }
                let s = d - top + trans[p][y];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            nd[y] = best + em[i * NL + y];
            bp[i * NL + y] = arg;
        }
        delta = nd;
    }
    let mut y = 0;
    for k in 1..NL {
        if delta[k] > delta[y] {
            y = k;
        }
    }
    labels.resize(n, 0);
    for i in (0..n).rev() {
        labels[i] = y as u8;
        y = bp[i * NL + y] as usize;
    }
}
