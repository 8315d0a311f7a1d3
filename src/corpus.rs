//! A corpus, not an article: documents stream from files, folders and JSON lines in batches,
//! are extracted in parallel (rayon), cached by content, and handed on in input order. Memory
//! holds one batch of text at a time plus what the caller keeps (the merged graph).
use crate::document::clean::Given;
use crate::input::{InputDoc, ReadOptions, parse_json_line, read_file_each};
use crate::model::DocExtract;
use crate::pipeline::Pipeline;
use crate::{Error, Result};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Where documents come from.
#[derive(Clone, Debug)]
pub enum Source {
    File(PathBuf),
    /// A path that could not be listed (a dangling link, a loop): reported when read, so that
    /// `skip_bad` skips it alone.
    Bad(String),
    /// JSON lines on standard input.
    Stdin,
}

#[derive(Clone, Debug, Default)]
pub struct CorpusOptions {
    pub read: ReadOptions,
    /// Publication date for every document (wins over what the text says).
    pub published: Option<chrono::NaiveDate>,
    /// Report bad inputs through `on_bad` and go on, instead of stopping.
    pub skip_bad: bool,
    /// A folder of cached extracts, keyed by content and program/data version.
    pub cache: Option<PathBuf>,
    /// Documents extracted together (default 64).
    pub batch: usize,
    /// Write the extracted text of HTML inputs (what their offsets refer to) into this folder.
    pub keep_text: Option<PathBuf>,
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub documents: usize,
    pub skipped: usize,
    pub from_cache: usize,
}

/// The version of the program and of all the data a pipeline uses: the build fingerprint plus
/// the user's overriding files.
pub fn data_version(user_files: &[PathBuf], data_dir: Option<&Path>) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    h.update(env!("SHIJI_BUILD_FINGERPRINT"));
    let mut files: Vec<PathBuf> = user_files.to_vec();
    if let Some(d) = data_dir {
        let mut stack = vec![d.to_path_buf()];
        while let Some(p) = stack.pop() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                for e in rd.flatten() {
                    let q = e.path();
                    if q.is_dir() {
                        stack.push(q);
                    } else {
                        files.push(q);
                    }
                }
            }
        }
    }
    files.sort();
    for f in files {
        h.update(f.to_string_lossy().as_bytes());
        h.update(std::fs::read(&f).unwrap_or_default());
    }
    hex(&h.finalize()[..16])
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn cache_key(version: &str, d: &InputDoc) -> String {
    let mut h = Sha256::new();
    h.update(version.as_bytes());
    h.update(
        serde_json::to_vec(&(
            &d.given.id,
            &d.given.title,
            &d.given.published,
            &d.given.url,
            &d.given.source,
        ))
        .unwrap_or_default(),
    );
    h.update(d.text.as_bytes());
    hex(&h.finalize()[..20])
}

fn cache_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(&key[..2]).join(format!("{key}.json"))
}

/// One document's text size and its extract (and whether it came from the cache) or error.
type Extracted = (u64, Result<(DocExtract, bool)>);

/// Extracts a batch in parallel, through the cache when there is one.
fn extract_batch(
    pipeline: &Pipeline,
    version: &str,
    opts: &CorpusOptions,
    docs: &[InputDoc],
) -> Vec<Extracted> {
    docs.par_iter()
        .map(|d| {
            let key = opts.cache.as_ref().map(|_| cache_key(version, d));
            if let (Some(dir), Some(k)) = (&opts.cache, &key)
                && let Ok(text) = std::fs::read_to_string(cache_path(dir, k))
                && let Ok(x) = serde_json::from_str::<DocExtract>(&text)
            {
                return (d.text.len() as u64, Ok((x, true)));
            }
            if let (Some(dir), true) = (&opts.keep_text, d.from_html) {
                let path = dir.join(format!("{}.txt", safe_file_name(&d.given.id)));
                if let Err(e) = std::fs::create_dir_all(dir)
                    .map_err(|e| Error::io(dir, e))
                    .and_then(|_| crate::export::write_atomic(&path, d.text.as_bytes()))
                {
                    return (d.text.len() as u64, Err(e));
                }
            }
            let r = pipeline
                .extract(&d.text, &d.given)
                .map_err(|e| match e {
                    // the library names the document by its id; the user wants the file (and line)
                    Error::Empty { .. } if !d.origin.is_empty() => Error::Empty {
                        path: d.origin.clone(),
                    },
                    e => e,
                })
                .and_then(|x| {
                    if let (Some(dir), Some(k)) = (&opts.cache, &key) {
                        let p = cache_path(dir, k);
                        if let Some(parent) = p.parent() {
                            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                        }
                        let json =
                            serde_json::to_vec(&x).map_err(|e| Error::Output(e.to_string()))?;
                        crate::export::write_atomic(&p, &json)?;
                    }
                    Ok((x, false))
                });
            (d.text.len() as u64, r)
        })
        .collect()
}

/// Streams every document of `sources` through `pipeline`, calling `on_extract` with each
/// extract in input order, `on_bad` with each error skipped under `skip_bad`, and `on_progress`
/// with the bytes of text done.
pub fn process(
    pipeline: &Pipeline,
    version: &str,
    sources: &[Source],
    opts: &CorpusOptions,
    mut on_extract: impl FnMut(DocExtract) -> Result<()> + Send,
    on_bad: impl FnMut(&Error) + Send,
    mut on_progress: impl FnMut(u64, usize) + Send,
) -> Result<Report> {
    let batch_size = if opts.batch == 0 { 64 } else { opts.batch };
    // errors come from reading (this thread) and from extracts handed on beside extraction
    let on_bad = std::sync::Mutex::new(on_bad);
    let bad = |e: &Error| {
        if let Ok(mut f) = on_bad.lock() {
            f(e)
        }
    };
    let mut report = Report::default();
    let mut batch: Vec<InputDoc> = Vec::with_capacity(batch_size);
    // the extracts of the previous batch, handed on while the next batch is extracted: the
    // caller's work (merging, writing) runs beside extraction instead of between batches
    let mut pending: Vec<Extracted> = Vec::new();
    let mut deliver = |results: Vec<Extracted>, report: &mut Report| -> Result<()> {
        for (bytes, r) in results {
            match r {
                Ok((x, cached)) => {
                    report.documents += 1;
                    report.from_cache += cached as usize;
                    on_extract(x)?;
                }
                Err(e) if opts.skip_bad => {
                    report.skipped += 1;
                    bad(&e);
                }
                Err(e) => return Err(e),
            }
            on_progress(bytes, report.documents);
        }
        Ok(())
    };
    let mut flush = |batch: &mut Vec<InputDoc>, report: &mut Report| -> Result<()> {
        let docs = std::mem::take(batch);
        let previous = std::mem::take(&mut pending);
        // the pool extracts while this thread hands on: the caller's data (the merged graph)
        // is allocated by this thread alone, not scattered over the workers' allocator arenas,
        // where the free space it leaves would be out of reach of what this thread does next
        let (results, delivered) = std::thread::scope(|s| {
            let extracting = s.spawn(|| extract_batch(pipeline, version, opts, &docs));
            let delivered = deliver(previous, report);
            let results = extracting
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (results, delivered)
        });
        delivered?;
        pending = results;
        Ok(())
    };
    let mut push = |d: InputDoc, batch: &mut Vec<InputDoc>, report: &mut Report| -> Result<()> {
        let mut d = d;
        if opts.published.is_some() {
            d.given.published = opts.published;
        }
        batch.push(d);
        if batch.len() >= batch_size {
            flush(batch, report)?;
        }
        Ok(())
    };
    for source in sources {
        let lines: Box<dyn BufRead> = match source {
            Source::Stdin => Box::new(std::io::BufReader::new(std::io::stdin())),
            Source::File(p) if p.extension().and_then(|e| e.to_str()) == Some("jsonl") => {
                let f = std::fs::File::open(p).map_err(|e| Error::io(p, e));
                match f {
                    Ok(f) => Box::new(std::io::BufReader::new(f)),
                    Err(e) if opts.skip_bad => {
                        report.skipped += 1;
                        bad(&e);
                        continue;
                    }
                    Err(e) => return Err(e),
                }
            }
            Source::File(p) => {
                for r in read_file_each(p, &opts.read) {
                    match r {
                        Ok(d) => push(d, &mut batch, &mut report)?,
                        Err(e) if opts.skip_bad => {
                            report.skipped += 1;
                            bad(&e);
                        }
                        Err(e) => return Err(e),
                    }
                }
                continue;
            }
            Source::Bad(msg) => {
                let e = Error::Output(msg.clone());
                if opts.skip_bad {
                    report.skipped += 1;
                    bad(&e);
                    continue;
                }
                return Err(e);
            }
        };
        let name = match source {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
            Source::Bad(m) => m.clone(),
        };
        for (i, line) in lines.split(b'\n').enumerate() {
            let line = line.map_err(|e| Error::io(&name, e))?;
            let line = match String::from_utf8(line) {
                Ok(l) => l,
                Err(_) => {
                    let e = Error::JsonLine {
                        path: name.clone(),
                        line: i + 1,
                        message: "not valid UTF-8".into(),
                    };
                    if opts.skip_bad {
                        report.skipped += 1;
                        bad(&e);
                        continue;
                    }
                    return Err(e);
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match parse_json_line(&name, i + 1, &line, &opts.read) {
                Ok(d) => push(d, &mut batch, &mut report)?,
                Err(e) if opts.skip_bad => {
                    report.skipped += 1;
                    bad(&e);
                }
                Err(e) => return Err(e),
            }
        }
    }
    flush(&mut batch, &mut report)?;
    // the last batch: nothing left to extract beside it
    flush(&mut batch, &mut report)?;
    Ok(report)
}

/// The sources named on a command line: `-` is stdin; folders expand to their files; a path
/// that cannot be listed becomes a `Bad` source, an error when it is read.
pub fn sources(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else {
            for r in crate::input::expand_each(std::slice::from_ref(p)) {
                out.push(match r {
                    Ok(f) => Source::File(f),
                    Err(e) => Source::Bad(e.to_string()),
                });
            }
        }
    }
    Ok(out)
}

/// A document id as a file name: letters, digits, `-_.` kept, anything else `_`, no leading dot.
pub fn safe_file_name(id: &str) -> String {
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

/// The total size in bytes of the file sources (for a progress bar's length).
pub fn total_bytes(sources: &[Source]) -> u64 {
    sources
        .iter()
        .map(|s| match s {
            Source::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            Source::Stdin | Source::Bad(_) => 0,
        })
        .sum()
}

/// A document given directly (the bundled demo when no file is there).
pub fn single(id: &str, text: &str) -> InputDoc {
    InputDoc {
        given: Given {
            id: id.to_string(),
            ..Given::default()
        },
        text: text.to_string(),
        origin: id.to_string(),
        from_html: false,
    }
}
