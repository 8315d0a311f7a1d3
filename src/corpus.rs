//! A corpus, not an article: documents stream from files, folders and JSON lines, are parsed
//! and extracted in parallel by worker threads that never wait for each other, cached by
//! content, and handed on in input order. Memory holds a bounded window of documents plus what
//! the caller keeps (the merged graph).
use crate::document::clean::Given;
use crate::document::load::looks_binary;
use crate::input::{InputDoc, ReadOptions, read_file_each, read_json_line};
use crate::model::DocExtract;
use crate::pipeline::Pipeline;
use crate::{Error, Result};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, VecDeque};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

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
    /// Pieces of work (documents, lines) read ahead of the one handed on: read, extracting or
    /// waiting for their turn (default 128). Bounds the memory a slow document can hold up.
    pub window: usize,
    /// Worker threads extracting (0: one per core). Reading and handing on have a thread each
    /// besides, which are mostly idle.
    pub threads: usize,
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

/// What the reading thread hands a worker: a JSON line to parse, a file to read, or an error
/// met while reading.
enum Work {
    Line {
        name: Arc<str>,
        line: usize,
        bytes: Vec<u8>,
    },
    File(PathBuf),
    /// A source that could not be read: skipped under `skip_bad`.
    Bad(Error),
    /// Reading failed mid-source: the run stops even under `skip_bad`.
    Fatal(Error),
}

/// What a worker hands on for one piece of work, in input order.
enum Outcome {
    Doc(Box<Extracted>),
    Bad(Error),
    Fatal(Error),
}

/// One piece of work done: its outcomes (none for a blank line), or the panic it caused, which
/// the calling thread resumes when its turn comes.
type Done = std::thread::Result<Vec<Outcome>>;

/// What the reading thread, the workers and the calling thread share: the work read and not
/// yet taken, and the work done and not yet handed on, numbered in input order. The reader
/// waits while `window` pieces are read and not yet handed on, so that a slow document holds
/// back at most a window of text and extracts, however fast the others go. Each thread sleeps
/// until there is enough for it to do (half a window of room for the reader, a run of pieces
/// done in order for the calling thread, work for an idle worker): they wake a few times a
/// window, not at every document.
struct Shared {
    state: Mutex<State>,
    /// Signalled to an idle worker when there is work, to all when no more will come.
    work: Condvar,
    /// Signalled to the reader when half the window is free, or the run stops.
    room: Condvar,
    /// Signalled to the calling thread when a run of pieces is done in order, when the
    /// workers have nothing else to do, or when they are gone.
    ready: Condvar,
    window: u64,
    /// The pieces done in order that wake the calling thread while the workers are busy.
    run: u64,
}

#[derive(Default)]
struct State {
    todo: VecDeque<(u64, Work)>,
    done: BTreeMap<u64, Done>,
    /// The number of the next piece read.
    read: u64,
    /// The number of the next piece to hand on.
    handed_on: u64,
    /// The reader is done: the workers finish what is queued, then leave.
    closed: bool,
    /// The run stops: what is queued is dropped, the reader and the workers leave.
    stopped: bool,
    live_workers: usize,
    idle_workers: usize,
    reader_waits: bool,
    caller_waits: bool,
}

impl Shared {
    fn new(window: usize) -> Shared {
        let window = window.max(1) as u64;
        Shared {
            state: Mutex::new(State::default()),
            work: Condvar::new(),
            room: Condvar::new(),
            ready: Condvar::new(),
            window,
            run: (window / 8).clamp(1, 16),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // nothing panics while holding the lock; a poisoned state is still consistent
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'a>(&self, c: &Condvar, s: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        c.wait(s).unwrap_or_else(|e| e.into_inner())
    }

    /// Reader: queues the next piece of work once the window has room; false once the run
    /// stops.
    fn push(&self, w: Work) -> bool {
        let mut s = self.lock();
        while !s.stopped && s.read >= s.handed_on + self.window {
            s.reader_waits = true;
            s = self.wait(&self.room, s);
        }
        if s.stopped {
            return false;
        }
        let seq = s.read;
        s.read += 1;
        s.todo.push_back((seq, w));
        let idle = s.idle_workers > 0;
        drop(s);
        if idle {
            self.work.notify_one();
        }
        true
    }

    /// Reader: no more work will come.
    fn close(&self) {
        self.lock().closed = true;
        self.work.notify_all();
    }

    /// Worker: the next piece of work, or none when the reader is done and nothing is queued,
    /// or the run stops.
    fn take(&self) -> Option<(u64, Work)> {
        let mut s = self.lock();
        loop {
            if s.stopped {
                return None;
            }
            if let Some(w) = s.todo.pop_front() {
                return Some(w);
            }
            if s.closed {
                return None;
            }
            // nothing to do: what is done may be all there is for a while (slow input)
            if s.caller_waits && s.done.contains_key(&s.handed_on) {
                self.ready.notify_one();
            }
            s.idle_workers += 1;
            s = self.wait(&self.work, s);
            s.idle_workers -= 1;
        }
    }

    /// Worker: a piece of work done.
    fn finish(&self, seq: u64, done: Done) {
        let mut s = self.lock();
        s.done.insert(seq, done);
        if s.caller_waits && (s.handed_on..s.handed_on + self.run).all(|n| s.done.contains_key(&n))
        {
            self.ready.notify_one();
        }
    }

    /// Worker: leaving.
    fn leave(&self) {
        let mut s = self.lock();
        s.live_workers -= 1;
        if s.live_workers == 0 {
            self.ready.notify_one();
        }
    }

    /// Calling thread: the next pieces done, in order, or none once the workers are gone and
    /// everything is handed on.
    fn next_run(&self) -> Option<Vec<Done>> {
        let mut s = self.lock();
        loop {
            let mut run = Vec::new();
            loop {
                let n = s.handed_on;
                let Some(d) = s.done.remove(&n) else { break };
                s.handed_on += 1;
                run.push(d);
            }
            if !run.is_empty() {
                if s.reader_waits && s.handed_on + self.window >= s.read + self.window.div_ceil(2) {
                    s.reader_waits = false;
                    self.room.notify_one();
                }
                return Some(run);
            }
            if s.live_workers == 0 {
                return None;
            }
            s.caller_waits = true;
            s = self.wait(&self.ready, s);
            s.caller_waits = false;
        }
    }

    /// Calling thread: the run stops (returning, failing or unwinding).
    fn stop(&self) {
        let mut s = self.lock();
        s.stopped = true;
        s.todo.clear();
        s.done.clear();
        drop(s);
        self.work.notify_all();
        self.room.notify_all();
    }
}

/// Closes the work when the reader ends, returning or unwinding: the workers then finish.
struct CloseOnDrop(Arc<Shared>);

impl Drop for CloseOnDrop {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// A worker leaving, returning or unwinding: the calling thread knows when all are gone.
struct LeaveOnDrop<'a>(&'a Shared);

impl Drop for LeaveOnDrop<'_> {
    fn drop(&mut self) {
        self.0.leave();
    }
}

/// Stops the run when the calling thread leaves, returning, failing or unwinding: the reader
/// and the workers stop instead of reading and extracting what nobody will take.
struct StopOnDrop<'a>(&'a Shared);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// Reads the sources into the queue: JSON lines and files as they are (a worker parses them),
/// the errors of sources that cannot be opened, in input order.
fn read_sources(sources: &[Source], queue: &Shared) {
    for source in sources {
        let (name, lines): (Arc<str>, Box<dyn BufRead>) = match source {
            Source::Stdin => (
                "<stdin>".into(),
                Box::new(std::io::BufReader::new(std::io::stdin())),
            ),
            Source::File(p) if p.extension().and_then(|e| e.to_str()) == Some("jsonl") => {
                match std::fs::File::open(p) {
                    Ok(f) => (
                        p.display().to_string().into(),
                        Box::new(std::io::BufReader::new(f)),
                    ),
                    Err(e) => {
                        if !queue.push(Work::Bad(Error::io(p, e))) {
                            return;
                        }
                        continue;
                    }
                }
            }
            Source::File(p) => {
                if !queue.push(Work::File(p.clone())) {
                    return;
                }
                continue;
            }
            Source::Bad(msg) => {
                if !queue.push(Work::Bad(Error::Output(msg.clone()))) {
                    return;
                }
                continue;
            }
        };
        for (i, line) in lines.split(b'\n').enumerate() {
            let work = match line {
                // what `read_jsonl_each` says of a binary file, and no line of it
                Ok(bytes) if i == 0 && looks_binary(&bytes) => {
                    if !queue.push(Work::Bad(Error::Binary {
                        path: name.to_string(),
                    })) {
                        return;
                    }
                    break;
                }
                // a blank line is no document (a line blank in Unicode only goes to a worker)
                Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(bytes) => Work::Line {
                    name: name.clone(),
                    line: i + 1,
                    bytes,
                },
                Err(e) => {
                    queue.push(Work::Fatal(Error::io(&*name, e)));
                    return;
                }
            };
            if !queue.push(work) {
                return;
            }
        }
    }
}

/// One piece of work: parse or read it, then extract each document, through the cache when
/// there is one.
fn work(pipeline: &Pipeline, version: &str, opts: &CorpusOptions, w: Work) -> Vec<Outcome> {
    let extract = |mut d: InputDoc| {
        if opts.published.is_some() {
            d.given.published = opts.published;
        }
        Outcome::Doc(Box::new(extract_one(pipeline, version, opts, &d)))
    };
    match w {
        Work::Line { name, line, bytes } => match read_json_line(&name, line, bytes, &opts.read) {
            Some(Ok(d)) => vec![extract(d)],
            Some(Err(e)) => vec![Outcome::Bad(e)],
            None => Vec::new(),
        },
        Work::File(p) => read_file_each(&p, &opts.read)
            .into_iter()
            .map(|r| match r {
                Ok(d) => extract(d),
                Err(e) => Outcome::Bad(e),
            })
            .collect(),
        Work::Bad(e) => vec![Outcome::Bad(e)],
        Work::Fatal(e) => vec![Outcome::Fatal(e)],
    }
}

/// Extracts one document, through the cache when there is one.
fn extract_one(
    pipeline: &Pipeline,
    version: &str,
    opts: &CorpusOptions,
    d: &InputDoc,
) -> Extracted {
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
                let json = serde_json::to_vec(&x).map_err(|e| Error::Output(e.to_string()))?;
                crate::export::write_atomic(&p, &json)?;
            }
            Ok((x, false))
        });
    (d.text.len() as u64, r)
}

/// Streams every document of `sources` through `pipeline`, calling `on_extract` with each
/// extract in input order, `on_bad` with each error skipped under `skip_bad`, and `on_progress`
/// with the bytes of text done and the documents so far.
///
/// A thread reads the sources, `threads` workers parse and extract without waiting for each
/// other, and the calling thread hands the extracts on in input order (so the caller's data,
/// the merged graph, is allocated by that thread alone). Errors are met in input order too: the
/// first one that is not skipped stops the run, and no later document is handed on.
pub fn process(
    pipeline: &Pipeline,
    version: &str,
    sources: &[Source],
    opts: &CorpusOptions,
    mut on_extract: impl FnMut(DocExtract) -> Result<()> + Send,
    mut on_bad: impl FnMut(&Error) + Send,
    mut on_progress: impl FnMut(u64, usize) + Send,
) -> Result<Report> {
    let window = if opts.window == 0 { 128 } else { opts.window };
    let shared = Arc::new(Shared::new(window));
    // the reader is not joined when the run stops early: it may wait on standard input
    let reader = {
        let queue = Arc::clone(&shared);
        let sources = sources.to_vec();
        std::thread::Builder::new()
            .name("shiji-read".into())
            .spawn(move || {
                let close = CloseOnDrop(queue);
                read_sources(&sources, &close.0);
            })
            .map_err(|e| Error::io("<thread>", e))?
    };
    let mut report = Report::default();
    let mut deliver = |o: Outcome, report: &mut Report| -> Result<()> {
        match o {
            Outcome::Doc(x) => {
                let (bytes, r) = *x;
                match r {
                    Ok((x, cached)) => {
                        report.documents += 1;
                        report.from_cache += cached as usize;
                        on_extract(x)?;
                    }
                    Err(e) if opts.skip_bad => {
                        report.skipped += 1;
                        on_bad(&e);
                    }
                    Err(e) => return Err(e),
                }
                on_progress(bytes, report.documents);
            }
            Outcome::Bad(e) if opts.skip_bad => {
                report.skipped += 1;
                on_bad(&e);
            }
            Outcome::Bad(e) | Outcome::Fatal(e) => return Err(e),
        }
        Ok(())
    };
    // the workers are one long job each on a pool of their own; this thread hands on beside them
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .thread_name(|_| "shiji-extract".into())
        .build()
        .map_err(|e| Error::Output(format!("cannot start the worker threads: {e}")))?;
    pool.in_place_scope(|s| -> Result<()> {
        let _stop = StopOnDrop(&shared);
        for _ in 0..pool.current_num_threads() {
            let shared = &shared;
            shared.lock().live_workers += 1;
            s.spawn(move |_| {
                let _leave = LeaveOnDrop(shared);
                while let Some((seq, w)) = shared.take() {
                    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        work(pipeline, version, opts, w)
                    }));
                    shared.finish(seq, done);
                }
            });
        }
        while let Some(run) = shared.next_run() {
            for done in run {
                let outcomes = done.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                for o in outcomes {
                    deliver(o, &mut report)?;
                }
            }
        }
        Ok(())
    })?;
    // every worker is done, so the reader is too: a panic there is resumed here
    reader
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
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
