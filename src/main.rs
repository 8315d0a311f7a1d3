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
    #[arg(long)]
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

#[derive(clap::Args, Clone)]
struct ViewArgs {
    /// Rendering: at most N nodes, the most connected.
    #[arg(long, value_name = "N", default_value_t = shiji::export::render::DEFAULT_MAX_NODES)]
    max_nodes: usize,
    /// Rendering: only the neighbourhood of the node with this name, alias or id.
    #[arg(long, value_name = "NAME")]
    focus: Option<String>,
    /// Rendering: hops from --focus (an event is a hop).
    #[arg(long, value_name = "N", default_value_t = 2)]
    depth: usize,
}

#[derive(clap::Args, Clone)]
struct ExportArgs {
    /// Output formats, a comma list of json, dot, timeline, html, tljs, graphml, neo4j, jsonld,
    /// csv, svg, png, all (default: all = every format but svg and png).
    #[arg(long, value_name = "LIST")]
    format: Option<String>,
    /// Also render graph.svg and graph.png with graphviz.
    #[arg(long)]
    render: bool,
    #[command(flatten)]
    view: ViewArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Extract and merge: INPUT files, folders or `-` (JSON lines on stdin) → the graph files.
    Build {
        inputs: Vec<PathBuf>,
        #[arg(long, default_value = "out")]
        out: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        export: ExportArgs,
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
        #[command(flatten)]
        export: ExportArgs,
    },
    /// Render DIR/graph.json with graphviz into DIR/graph.svg and graph.png (or other --format).
    Render {
        dir: PathBuf,
        /// Write here instead of DIR.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Formats, as for build.
        #[arg(long, value_name = "LIST", default_value = "svg,png")]
        format: String,
        #[command(flatten)]
        view: ViewArgs,
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
    let mut files = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            let stdin = std::io::stdin();
            let lines = stdin.lock();
            match input::read_jsonl("<stdin>", lines, &opts) {
                Ok(d) => docs.extend(d),
                Err(e) if read.skip_bad => {
                    eprintln!("warning: {e}");
                    skipped += 1;
                }
                Err(e) => return Err(e.into()),
            }
        } else {
            match input::expand(std::slice::from_ref(p)) {
                Ok(f) => files.extend(f),
                Err(e) if read.skip_bad => {
                    eprintln!("warning: {e}");
                    skipped += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    for f in files {
        match input::read_file(&f, &opts) {
            Ok(d) => docs.extend(d),
            Err(e) if read.skip_bad => {
                eprintln!("warning: {e}");
                skipped += 1;
            }
            Err(e) => return Err(e.into()),
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
        .map(|d| p.extract(&d.text, &d.given))
        .collect();
    let mut out = Vec::new();
    let mut skipped = 0;
    for r in results {
        match r {
            Ok(x) => out.push(x),
            Err(e) if skip_bad => {
                eprintln!("warning: {e}");
                skipped += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok((out, skipped))
}

fn set_threads(n: Option<usize>) {
    if let Some(n) = n {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
}

fn render_options(v: &ViewArgs) -> shiji::export::render::RenderOptions {
    shiji::export::render::RenderOptions {
        max_nodes: Some(v.max_nodes),
        focus: v.focus.clone(),
        depth: v.depth,
    }
}

/// Writes the formats asked for (default: every cheap one, plus svg and png with --render).
fn export(g: &shiji::graph::KnowledgeGraph, out: &Path, x: &ExportArgs) -> Result<Vec<String>> {
    use shiji::export::Format;
    let mut formats = match &x.format {
        Some(list) => Format::parse_list(list)?,
        None => Format::cheap(),
    };
    if x.render {
        formats.extend([Format::Svg, Format::Png]);
        formats.sort();
        formats.dedup();
    }
    let (files, note) = shiji::export::write_formats(g, out, &formats, &render_options(&x.view))?;
    if !note.is_empty() {
        eprintln!("shiji: render: {note}");
    }
    Ok(files)
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build {
            inputs,
            out,
            read,
            data,
            export: x,
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
            let files = export(&g, &out, &x)?;
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
        Command::Merge {
            files,
            out,
            export: x,
        } => {
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
                    let line = line.with_context(|| name.clone())?;
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
            export(&g, &out, &x)?;
        }
        Command::Render {
            dir,
            out,
            format,
            view,
        } => {
            let path = dir.join("graph.json");
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("{}: cannot read the graph", path.display()))?;
            let json: shiji::graph::GraphJson = serde_json::from_str(&text)
                .with_context(|| format!("{}: not a shiji graph.json", path.display()))?;
            let g = shiji::graph::KnowledgeGraph::from_json(&json);
            let out = out.unwrap_or(dir);
            let x = ExportArgs {
                format: Some(format),
                render: false,
                view,
            };
            let files = export(&g, &out, &x)?;
            eprintln!("shiji: {} → {}", out.display(), files.join(", "));
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
