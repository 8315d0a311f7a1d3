//! The shiji command line: a thin layer over the library. Exit codes: 0 ok, 1 runtime error,
//! 2 bad usage (clap's own).
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use shiji::corpus::{CorpusOptions, Source};
use shiji::input::{self, ReadOptions};
use shiji::model::DocExtract;
use shiji::pipeline::{Options, Pipeline};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

/// mimalloc, not the system allocator: the extract threads allocate and free many small
/// objects (glibc's malloc and free were 9% of the time), and glibc's per-thread arenas kept
/// what the merger freed fragmented.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe extern "C" {
    /// mimalloc's `void mi_option_set(mi_option_t option, long value)` (mimalloc.h)
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Memory freed is given back to the system at once, and arenas are committed as they are
/// used, not up front: a corpus build holds what its graph needs, not what a thread once did.
/// (`mi_option_arena_eager_commit` and `mi_option_purge_delay` of the mimalloc v3 that
/// libmimalloc-sys 0.1.49 vendors, pinned in Cargo.toml; the environment variables
/// MIMALLOC_ARENA_EAGER_COMMIT and MIMALLOC_PURGE_DELAY set the same.)
fn tune_allocator() {
    const ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
    const PURGE_DELAY: std::ffi::c_int = 15;
    // SAFETY: sets two integer options of the linked allocator; any value is valid for them
    unsafe {
        mi_option_set(ARENA_EAGER_COMMIT, 0);
        mi_option_set(PURGE_DELAY, 0);
    }
}

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

#[derive(clap::ValueEnum, Clone, Copy)]
enum TimelineFormat {
    Table,
    Json,
    Md,
}

fn load_graph(path: &Path) -> Result<shiji::graph::KnowledgeGraph> {
    let file = if path.is_dir() {
        path.join("graph.json")
    } else {
        path.to_path_buf()
    };
    let text = std::fs::read_to_string(&file).with_context(|| format!("{}", file.display()))?;
    let g: shiji::graph::GraphJson = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a shiji graph.json", file.display()))?;
    Ok(shiji::graph::KnowledgeGraph::from_json(&g))
}

/// A day from YYYY-MM-DD, YYYY-MM or YYYY: the first day when `end` is false, else the last.
fn parse_day(s: &str, end: bool) -> Result<chrono::NaiveDate> {
    let t = shiji::time::parse_reference(s)
        .with_context(|| format!("{s:?}: expected YYYY-MM-DD, YYYY-MM or YYYY"))?
        .date();
    if !end {
        return Ok(t);
    }
    let next = match s.matches('-').count() {
        0 => t.checked_add_months(chrono::Months::new(12)),
        1 => t.checked_add_months(chrono::Months::new(1)),
        _ => t.succ_opt(),
    };
    Ok(next.and_then(|d| d.pred_opt()).unwrap_or(t))
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

#[derive(clap::Args, Clone)]
struct ReadArgs {
    /// Drop events under this confidence (0..1).
    #[arg(long)]
    min_confidence: Option<f32>,
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
    /// A folder caching each document's extract, keyed by its content and the program and data
    /// version: a second run re-extracts only new or changed documents.
    #[arg(long)]
    cache: Option<PathBuf>,
    /// Worker threads extracting (default: all cores); reading and merging run beside them on a
    /// thread each, mostly idle.
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
        /// Also write the text that offsets refer to for inputs that are not plain text (the
        /// article text extracted from HTML pages) as OUT/text/<doc id>.txt.
        #[arg(long)]
        keep_text: bool,
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
    /// The timeline of one company, person or product (its events, those of what belongs to it),
    /// filtered by date and type, from a built graph (a folder holding graph.json, or the file).
    Timeline {
        #[arg(default_value = "out")]
        graph: PathBuf,
        /// An entity's name, alias or node id.
        #[arg(long)]
        entity: Option<String>,
        /// First day (YYYY-MM-DD, YYYY-MM or YYYY).
        #[arg(long)]
        from: Option<String>,
        /// Last day (YYYY-MM-DD, YYYY-MM or YYYY).
        #[arg(long)]
        to: Option<String>,
        /// Event types to keep (repeat or comma-separate).
        #[arg(long = "type", value_delimiter = ',')]
        types: Vec<String>,
        #[arg(long)]
        min_confidence: Option<f32>,
        #[arg(long, value_enum, default_value_t = TimelineFormat::Table)]
        format: TimelineFormat,
    },
    /// A node's evidence: each sentence with the span marked, and the rule that made it.
    Explain {
        /// A node id (event:…, org:…) or an entity's name.
        id: String,
        /// A folder holding graph.json, or the file.
        #[arg(long, default_value = "out")]
        graph: PathBuf,
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

fn corpus_options(read: &ReadArgs) -> Result<CorpusOptions> {
    let published = match &read.published {
        Some(p) => Some(
            shiji::document::clean::parse_date(p)
                .with_context(|| format!("--published {p:?}: expected YYYY-MM-DD"))?,
        ),
        None => None,
    };
    Ok(CorpusOptions {
        read: ReadOptions {
            encoding: read.encoding.clone(),
            max_doc_bytes: read.max_doc_bytes,
        },
        published,
        skip_bad: read.skip_bad,
        cache: read.cache.clone(),
        window: 0,
        threads: read.threads.map_or(0, |n| n.max(1)),
        keep_text: None,
    })
}

/// A progress bar on stderr when it is a terminal: bytes done, documents per second, ETA.
fn progress(total: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() || total == 0 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ETA {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

/// Runs extraction over the sources, handing each extract to `sink` in input order.
fn run_corpus(
    p: &Pipeline,
    data: &DataArgs,
    sources: &[Source],
    opts: &CorpusOptions,
    sink: impl FnMut(DocExtract) -> shiji::Result<()> + Send,
) -> Result<shiji::corpus::Report> {
    let version = shiji::corpus::data_version(&data.lexicons, data.data_dir.as_deref());
    let bar = progress(shiji::corpus::total_bytes(sources));
    let started = std::time::Instant::now();
    let report = shiji::corpus::process(
        p,
        &version,
        sources,
        opts,
        sink,
        |e| eprintln!("shiji: warning: {e}"),
        |bytes, docs| {
            if let Some(b) = &bar {
                b.inc(bytes);
                let secs = started.elapsed().as_secs_f64().max(1e-3);
                b.set_message(format!("{docs} docs, {:.0} docs/s", docs as f64 / secs));
            }
        },
    )?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if report.skipped > 0 {
        eprintln!("shiji: skipped {} bad input(s)", report.skipped);
    }
    Ok(report)
}

fn render_options(v: &ViewArgs) -> shiji::export::render::RenderOptions {
    shiji::export::render::RenderOptions {
        max_nodes: Some(v.max_nodes),
        focus: v.focus.clone(),
        depth: v.depth,
    }
}

/// Writes the formats asked for (default: every cheap one, plus svg and png with --render), on
/// `threads` threads (0: one per core).
fn export(
    g: &shiji::graph::KnowledgeGraph,
    out: &Path,
    x: &ExportArgs,
    threads: usize,
) -> Result<Vec<String>> {
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
    let (files, note) =
        shiji::export::write_formats(g, out, &formats, &render_options(&x.view), threads)?;
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
            keep_text,
        } => {
            if out.exists() && !out.is_dir() {
                bail!("{}: --out is a file, not a folder", out.display());
            }
            let p = pipeline(&data)?;
            let mut opts = corpus_options(&read)?;
            if keep_text {
                opts.keep_text = Some(out.join("text"));
            }
            let mut merger = shiji::graph::Merger::new();
            let min = read.min_confidence;
            let mut add = |mut x: DocExtract| {
                if let Some(m) = min {
                    shiji::query::drop_low_confidence(std::slice::from_mut(&mut x), m);
                }
                merger.add(&x);
                Ok(())
            };
            let inputs = if inputs.is_empty() {
                bundled_inputs()
            } else {
                inputs
            };
            let report = if inputs.is_empty() {
                // no data/articles folder here: the demo article embedded in the binary
                let d = shiji::corpus::single(DEMO_ID, DEMO_TEXT);
                let mut d = d;
                d.given.published = opts.published;
                add(p.extract(&d.text, &d.given)?)?;
                shiji::corpus::Report {
                    documents: 1,
                    ..Default::default()
                }
            } else {
                let sources = shiji::corpus::sources(&inputs)?;
                run_corpus(&p, &data, &sources, &opts, &mut add)?
            };
            if report.documents == 0 {
                bail!("no documents to read");
            }
            let g = merger.finish();
            let files = export(&g, &out, &x, opts.threads)?;
            eprintln!(
                "shiji: {} document(s){}, {} node(s), {} edge(s) → {} ({})",
                report.documents,
                if report.from_cache > 0 {
                    format!(" ({} from cache)", report.from_cache)
                } else {
                    String::new()
                },
                g.graph.node_count(),
                g.graph.edge_count(),
                out.display(),
                files.join(", ")
            );
        }
        Command::Extract { inputs, read, data } => {
            let p = pipeline(&data)?;
            let opts = corpus_options(&read)?;
            let inputs = if inputs.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                inputs
            };
            let sources = shiji::corpus::sources(&inputs)?;
            // the writer is handed on beside extraction (another thread): `Stdout`, not its lock
            let mut w = BufWriter::with_capacity(1 << 16, std::io::stdout());
            let min = read.min_confidence;
            run_corpus(&p, &data, &sources, &opts, |mut x| {
                if let Some(m) = min {
                    shiji::query::drop_low_confidence(std::slice::from_mut(&mut x), m);
                }
                serde_json::to_writer(&mut w, &x)
                    .map_err(|e| shiji::Error::Output(e.to_string()))?;
                w.write_all(b"\n")
                    .map_err(|e| shiji::Error::io("<stdout>", e))
            })?;
            w.flush()?;
        }
        Command::Merge {
            files,
            out,
            export: x,
        } => {
            // extracts stream into the merger: memory follows the graph, not the input
            let mut merger = shiji::graph::Merger::new();
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
                    merger.add(&x);
                }
            }
            let g = merger.finish();
            export(&g, &out, &x, 0)?;
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
            let files = export(&g, &out, &x, 0)?;
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
        Command::Timeline {
            graph,
            entity,
            from,
            to,
            types,
            min_confidence,
            format,
        } => {
            let g = load_graph(&graph)?;
            let filter = shiji::query::TimelineFilter {
                entity,
                from: from.map(|f| parse_day(&f, false)).transpose()?,
                to: to.map(|t| parse_day(&t, true)).transpose()?,
                types,
                min_confidence,
            };
            let entries =
                shiji::query::filtered_timeline(&g, &filter).map_err(anyhow::Error::msg)?;
            let text = match format {
                TimelineFormat::Table => shiji::query::timeline_table(&entries),
                TimelineFormat::Md => shiji::query::timeline_md(&entries),
                TimelineFormat::Json => serde_json::to_string_pretty(&entries)? + "\n",
            };
            print!("{text}");
        }
        Command::Explain { id, graph } => {
            let g = load_graph(&graph)?;
            print!(
                "{}",
                shiji::query::explain(&g, &id).map_err(anyhow::Error::msg)?
            );
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
    tune_allocator();
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("shiji: error: {e:#}");
        std::process::exit(1);
    }
}
