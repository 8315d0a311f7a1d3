//! The shiji command line: a thin layer over the library. Exit codes: 0 ok, 1 runtime error,
//! 2 bad usage (clap's own).
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use shiji::document::clean::Given;
use shiji::input::{self, InputDoc, ReadOptions};
use shiji::model::DocExtract;
use shiji::pipeline::{Options, Pipeline};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "shiji",
    version,
    about = "News articles in; a dated timeline and an entity knowledge graph out."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct DataArgs {
    /// Extra lexicon (TSV: name, type, subtype, aliases, source); its entries win.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// A folder of data files (same names as the repository's data/) replacing the embedded ones.
    #[arg(long = "data", value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(clap::Args, Clone)]
struct ReadArgs {
    /// Publication date (YYYY-MM-DD) of every input; wins over the date found in the text.
    #[arg(long)]
    published: Option<String>,
    /// Decode files with this encoding (gbk, big5, utf-16le…) instead of detecting it.
    #[arg(long, value_parser = encoding_label)]
    encoding: Option<String>,
    /// Largest document, in bytes.
    #[arg(long, default_value_t = input::DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: u64,
    /// Warn about unreadable inputs and go on, instead of stopping at the first.
    #[arg(long)]
    skip_bad: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

/// An encoding label encoding_rs knows (a usage error, exit 2, otherwise).
fn encoding_label(s: &str) -> std::result::Result<String, String> {
    match encoding_rs::Encoding::for_label(s.as_bytes()) {
        Some(_) => Ok(s.to_string()),
        None => Err(format!(
            "unknown encoding {s:?} (try utf-8, gbk, gb18030, big5, utf-16le, utf-16be)"
        )),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Extract and merge: INPUT files, folders or `-` (JSON lines on stdin) → the graph files.
    Build {
        inputs: Vec<PathBuf>,
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Also write the text that offsets refer to for inputs that are not plain text (the
        /// article text extracted from HTML pages) as OUT/text/<doc id>.txt.
        #[arg(long)]
        keep_text: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// One JSON line per article: its entities, events and relations with evidence. Reads JSON
    /// lines on stdin when no INPUT is given.
    Extract {
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Merge the output of `extract` (files, or stdin) into the graph files.
    Merge {
        files: Vec<PathBuf>,
        #[arg(long, default_value = "out")]
        out: PathBuf,
    },
    /// Time expressions of JSON lines {"id","text","ref"?} on stdin.
    Times {
        /// Reference time (publication date) when a line has no "ref".
        #[arg(long = "ref", value_name = "DATETIME")]
        reference: Option<String>,
    },
    /// Entities of JSON lines {"id","text"} on stdin.
    Entities {
        #[command(flatten)]
        data: DataArgs,
    },
}

fn pipeline(data: &DataArgs) -> Result<Pipeline> {
    Pipeline::new(&Options {
        data_dir: data.data_dir.clone(),
        user_lexicons: data.lexicons.clone(),
    })
    .context("loading the data files")
}

/// The bundled articles: `data/articles/` here, or in the source tree the binary was built
/// from, or the demo article embedded in the binary.
fn bundled_inputs() -> Vec<PathBuf> {
    let here = PathBuf::from("data/articles");
    if here.is_dir() {
        return vec![here];
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    if built.is_dir() {
        return vec![built];
    }
    Vec::new()
}

const DEMO_ID: &str = "mobvoi-li-zhifei-interview-2023-04-23";
const DEMO_TEXT: &str = include_str!("../data/articles/mobvoi-li-zhifei-interview-2023-04-23.txt");

fn read_inputs(inputs: &[PathBuf], read: &ReadArgs) -> Result<(Vec<InputDoc>, usize)> {
    let opts = ReadOptions {
        encoding: read.encoding.clone(),
        max_doc_bytes: read.max_doc_bytes,
    };
    let published = match &read.published {
        Some(p) => Some(
            shiji::document::clean::parse_date(p)
                .with_context(|| format!("--published {p:?}: expected YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let mut docs = Vec::new();
    let mut skipped = 0;
    let mut take = |r: shiji::Result<InputDoc>| -> Result<()> {
        match r {
            Ok(d) => docs.push(d),
            Err(e) if read.skip_bad => {
                eprintln!("shiji: warning: {e}");
                skipped += 1;
            }
            Err(e) => return Err(e.into()),
        }
        Ok(())
    };
    for p in inputs {
        if p.as_os_str() == "-" {
            let stdin = std::io::stdin();
            for r in input::read_jsonl_each("<stdin>", stdin.lock(), &opts) {
                take(r)?;
            }
            continue;
        }
        for f in input::expand_each(std::slice::from_ref(p)) {
            match f {
                Ok(f) => {
                    for r in input::read_file_each(&f, &opts) {
                        take(r)?;
                    }
                }
                Err(e) => take(Err(e))?,
            }
        }
    }
    if let Some(p) = published {
        for d in &mut docs {
            d.given.published = Some(p);
        }
    }
    Ok((docs, skipped))
}

fn extract_all(
    p: &Pipeline,
    docs: &[InputDoc],
    skip_bad: bool,
) -> Result<(Vec<DocExtract>, usize)> {
    let results: Vec<shiji::Result<DocExtract>> = docs
        .par_iter()
        .map(|d| {
            p.extract(&d.text, &d.given).map_err(|e| match e {
                // the library names the document by its id; the user wants the file (and line)
                shiji::Error::Empty { .. } => shiji::Error::Empty {
                    path: d.origin.clone(),
                },
                e => e,
            })
        })
        .collect();
    let mut out = Vec::new();
    let mut skipped = 0;
    for r in results {
        match r {
            Ok(x) => out.push(x),
            Err(e) if skip_bad => {
                eprintln!("shiji: warning: {e}");
                skipped += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok((out, skipped))
}

/// `--keep-text`: the extracted text of every HTML input as `OUT/text/<doc id>.txt`, written
/// atomically like every output.
fn write_texts(out: &Path, docs: &[InputDoc]) -> Result<String> {
    let dir = out.join("text");
    std::fs::create_dir_all(&dir).with_context(|| dir.display().to_string())?;
    for d in docs.iter().filter(|d| d.from_html) {
        let path = dir.join(format!("{}.txt", safe_file_name(&d.given.id)));
        shiji::export::write_atomic(&path, d.text.as_bytes())?;
    }
    Ok("text/".into())
}

/// A document id as a file name: letters, digits, `-_.` kept, anything else `_`, no leading dot.
fn safe_file_name(id: &str) -> String {
    let mut s: String = id
        .chars()
        .take(120)
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, '_');
    }
    s
}

fn set_threads(n: Option<usize>) {
    if let Some(n) = n {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build {
            inputs,
            out,
            keep_text,
            read,
            data,
        } => {
            set_threads(read.threads);
            let p = pipeline(&data)?;
            let (mut docs, mut skipped) = if inputs.is_empty() {
                let bundled = bundled_inputs();
                if bundled.is_empty() {
                    (
                        vec![InputDoc {
                            given: Given {
                                id: DEMO_ID.into(),
                                ..Given::default()
                            },
                            text: DEMO_TEXT.into(),
                            origin: DEMO_ID.into(),
                            from_html: false,
                        }],
                        0,
                    )
                } else {
                    read_inputs(&bundled, &read)?
                }
            } else {
                read_inputs(&inputs, &read)?
            };
            if let (true, Some(d)) = (inputs.is_empty(), read.published.as_deref()) {
                let date = shiji::document::clean::parse_date(d);
                docs.iter_mut().for_each(|x| x.given.published = date);
            }
            if docs.is_empty() {
                bail!("no documents to read");
            }
            let (extracts, bad) = extract_all(&p, &docs, read.skip_bad)?;
            skipped += bad;
            let g = shiji::graph::merge(&extracts);
            let mut files = shiji::export::write_all(&g, &out)?;
            if keep_text {
                files.push(write_texts(&out, &docs)?);
            }
            eprintln!(
                "shiji: {} document(s), {} node(s), {} edge(s) → {} ({})",
                extracts.len(),
                g.graph.node_count(),
                g.graph.edge_count(),
                out.display(),
                files.join(", ")
            );
            if skipped > 0 {
                eprintln!("shiji: skipped {skipped} bad input(s)");
            }
        }
        Command::Extract { inputs, read, data } => {
            set_threads(read.threads);
            let p = pipeline(&data)?;
            let inputs = if inputs.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                inputs
            };
            let (docs, mut skipped) = read_inputs(&inputs, &read)?;
            let (extracts, bad) = extract_all(&p, &docs, read.skip_bad)?;
            skipped += bad;
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            for x in extracts {
                serde_json::to_writer(&mut w, &x)?;
                w.write_all(b"\n")?;
            }
            w.flush()?;
            if skipped > 0 {
                eprintln!("shiji: skipped {skipped} bad input(s)");
            }
        }
        Command::Merge { files, out } => {
            let mut extracts = Vec::new();
            let sources: Vec<(String, Box<dyn BufRead>)> = if files.is_empty() {
                vec![(
                    "<stdin>".into(),
                    Box::new(std::io::BufReader::new(std::io::stdin())),
                )]
            } else {
                files
                    .iter()
                    .map(|f| {
                        let file =
                            std::fs::File::open(f).with_context(|| format!("{}", f.display()))?;
                        Ok((
                            f.display().to_string(),
                            Box::new(std::io::BufReader::new(file)) as Box<dyn BufRead>,
                        ))
                    })
                    .collect::<Result<_>>()?
            };
            for (name, reader) in sources {
                for (i, line) in reader.lines().enumerate() {
                    let line = line.with_context(|| format!("{name}:{}", i + 1))?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let x: DocExtract =
                        serde_json::from_str(&line).map_err(|e| shiji::Error::JsonLine {
                            path: name.clone(),
                            line: i + 1,
                            message: e.to_string(),
                        })?;
                    extracts.push(x);
                }
            }
            let g = shiji::graph::merge(&extracts);
            shiji::export::write_all(&g, &out)?;
        }
        Command::Times { reference } => {
            let default_ref = match reference {
                Some(r) => shiji::time::parse_reference(&r)
                    .with_context(|| format!("--ref {r:?}: expected YYYY-MM-DD[THH:MM:SS]"))?,
                None => chrono::Local::now().naive_local(),
            };
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            shiji::time::times_jsonl(stdin.lock(), BufWriter::new(stdout.lock()), default_ref)?;
        }
        Command::Entities { data } => {
            let p = pipeline(&data)?;
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            shiji::pipeline::entities_jsonl(&p, stdin.lock(), BufWriter::new(stdout.lock()))?;
        }
    }
    Ok(())
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("shiji: error: {e:#}");
        std::process::exit(1);
    }
}
