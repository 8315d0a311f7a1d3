//! Inputs: files, folders (recursively, by extension, without the folder's own notes such as
//! README.md or SOURCES.md), JSON-lines corpora, and stdin.
//!
//! Every reader comes in two forms: `*_each` gives one result per document or per bad input (a
//! file, or one line of a JSON-lines file), so that `--skip-bad` skips exactly the bad part; the
//! plain form stops at the first error.
use crate::document::clean::{Given, parse_date};
use crate::document::extract_html;
use crate::document::load::{decode, looks_binary};
use crate::{Error, Result};
use std::collections::BTreeSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Extensions read from folders.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];
/// Files of a folder that describe the folder, not news (README.md, SOURCES.md, LICENSE.txt,
/// CHANGELOG.md): a folder's file whose name, up to its first dot and in any case, is one of
/// these is not read from the folder. Named as a file, it is read.
pub const META_FILES: &[&str] = &[
    "README",
    "SOURCES",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "NOTICE",
    "CHANGELOG",
    "CHANGES",
    "HISTORY",
    "AUTHORS",
    "CONTRIBUTING",
    "CONTRIBUTORS",
    "CODE_OF_CONDUCT",
    "SECURITY",
    "MANIFEST",
];
pub const DEFAULT_MAX_DOC_BYTES: u64 = 50 * 1024 * 1024;

/// One document to extract: what the caller knows of it and its text (for HTML pages, the
/// extracted article text, which offsets then refer to).
#[derive(Clone, Debug, Default)]
pub struct InputDoc {
    pub given: Given,
    pub text: String,
    /// Where it came from, for messages: the file, or `file:line` for JSON lines.
    pub origin: String,
    /// True when `text` was extracted from an HTML page (and is not the input as given).
    pub from_html: bool,
}

#[derive(Clone, Debug)]
pub struct ReadOptions {
    pub encoding: Option<String>,
    pub max_doc_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
        }
    }
}

/// Expands the given paths into files: folders recursively (sorted, following links once,
/// loops refused; files of an input extension, not the folder's notes: [`META_FILES`]), files
/// as they are. Stops at the first error.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    expand_each(paths).into_iter().collect()
}

/// As [`expand`], one result per file found or per path that cannot be read (a missing path, a
/// dangling link, a symbolic link loop), in order.
pub fn expand_each(paths: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) => out.push(Err(Error::io(p, e))),
            Ok(meta) if meta.is_dir() => {
                let mut seen = BTreeSet::new();
                walk(p, &mut seen, &mut out);
            }
            Ok(_) => out.push(Ok(p.clone())),
        }
    }
    out
}

/// Whether a folder's file is read: an input extension, and not a note on the folder
/// ([`META_FILES`]).
fn has_input_extension(p: &Path) -> bool {
    let meta = p
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .is_some_and(|stem| META_FILES.contains(&stem.to_ascii_uppercase().as_str()));
    !meta
        && p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn walk(dir: &Path, seen: &mut BTreeSet<PathBuf>, out: &mut Vec<Result<PathBuf>>) {
    let real = match std::fs::canonicalize(dir) {
        Ok(r) => r,
        Err(e) => return out.push(Err(Error::io(dir, e))),
    };
    if !seen.insert(real) {
        return out.push(Err(Error::io(
            dir,
            std::io::Error::other("symbolic link loop: this folder was already read"),
        )));
    }
    let mut entries = Vec::new();
    match std::fs::read_dir(dir) {
        Err(e) => return out.push(Err(Error::io(dir, e))),
        Ok(rd) => {
            for e in rd {
                match e {
                    Ok(e) => entries.push(e.path()),
                    Err(e) => out.push(Err(Error::io(dir, e))),
                }
            }
        }
    }
    entries.sort();
    for p in entries {
        match std::fs::metadata(&p) {
            Ok(meta) if meta.is_dir() => walk(&p, seen, out),
            Ok(_) if has_input_extension(&p) => out.push(Ok(p)),
            Ok(_) => {}
            // a dangling link, or an entry that vanished: an error when it looks like an input
            Err(e) if has_input_extension(&p) => out.push(Err(Error::io(&p, e))),
            Err(_) => {}
        }
    }
}

fn file_id(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("doc")
        .to_string()
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Reads one file: a JSON-lines corpus gives one document a line, any other file one document.
/// Stops at the first error.
pub fn read_file(path: &Path, opts: &ReadOptions) -> Result<Vec<InputDoc>> {
    read_file_each(path, opts).into_iter().collect()
}

/// As [`read_file`], one result per document or per bad line of a JSON-lines file.
pub fn read_file_each(path: &Path, opts: &ReadOptions) -> Vec<Result<InputDoc>> {
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return vec![Err(Error::io(path, e))],
    };
    if meta.is_dir() {
        return vec![Err(Error::io(
            path,
            std::io::Error::other("is a folder, not a file"),
        ))];
    }
    let ext = extension(path);
    if ext == "jsonl" {
        return match std::fs::File::open(path) {
            Ok(f) => read_jsonl_each(&name, std::io::BufReader::new(f), opts),
            Err(e) => vec![Err(Error::io(path, e))],
        };
    }
    if meta.len() > opts.max_doc_bytes {
        return vec![Err(Error::TooLarge {
            path: name,
            size: meta.len(),
            limit: opts.max_doc_bytes,
        })];
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![Err(Error::io(path, e))],
    };
    // the file may have grown since it was measured
    if bytes.len() as u64 > opts.max_doc_bytes {
        return vec![Err(Error::TooLarge {
            path: name,
            size: bytes.len() as u64,
            limit: opts.max_doc_bytes,
        })];
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Err(Error::Empty { path: name })];
    }
    let text = match decode(&name, &bytes, opts.encoding.as_deref()) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    let mut doc = InputDoc {
        given: Given {
            id: file_id(path),
            ..Given::default()
        },
        text,
        origin: name.clone(),
        from_html: false,
    };
    if ext == "html" || ext == "htm" {
        from_html(&mut doc);
    }
    if doc.text.trim().is_empty() {
        return vec![Err(Error::Empty { path: name })];
    }
    vec![Ok(doc)]
}

/// Replaces an HTML page by its article text; the page's title and date become metadata
/// unless the caller gave them.
fn from_html(doc: &mut InputDoc) {
    let a = extract_html::extract(&doc.text);
    doc.text = a.text;
    doc.from_html = true;
    if doc.given.title.is_none() {
        doc.given.title = a.title;
    }
    if doc.given.published.is_none() {
        doc.given.published = a.published;
    }
}

/// JSON lines `{"id", "text" | "html", "published"?, "title"?, "url"?, "source"?}`. Stops at
/// the first error.
pub fn read_jsonl<R: BufRead>(name: &str, reader: R, opts: &ReadOptions) -> Result<Vec<InputDoc>> {
    read_jsonl_each(name, reader, opts).into_iter().collect()
}

/// As [`read_jsonl`], one result per line that is not blank: a bad line is an error of its own
/// (named by file and line), the others are read. A file with no line at all is
/// [`Error::Empty`], a binary one [`Error::Binary`].
pub fn read_jsonl_each<R: BufRead>(
    name: &str,
    mut reader: R,
    opts: &ReadOptions,
) -> Vec<Result<InputDoc>> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Err(Error::io(name, e)));
                return out;
            }
        }
        line_no += 1;
        if line_no == 1 && looks_binary(&buf) {
            return vec![Err(Error::Binary {
                path: name.to_string(),
            })];
        }
        if let Some(doc) = read_json_line(name, line_no, std::mem::take(&mut buf), opts) {
            out.push(doc);
        }
    }
    if out.is_empty() {
        return vec![Err(Error::Empty {
            path: name.to_string(),
        })];
    }
    out
}

/// One line of a JSON-lines file as its bytes (with or without its line end): `None` when it is
/// blank. The first line may start with a byte order mark; `opts.encoding` names the encoding
/// when it is not UTF-8. A document whose text is blank is [`Error::Empty`].
pub fn read_json_line(
    name: &str,
    line_no: usize,
    mut bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Option<Result<InputDoc>> {
    if line_no == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        bytes.pop();
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let line = match &opts.encoding {
        Some(label) => decode(&format!("{name}:{line_no}"), &bytes, Some(label)),
        None => String::from_utf8(bytes).map_err(|e| Error::JsonLine {
            path: name.to_string(),
            line: line_no,
            message: format!(
                "not valid UTF-8 ({}); use --encoding for another one",
                e.utf8_error()
            ),
        }),
    };
    let doc = line.and_then(|l| parse_json_line(name, line_no, &l, opts));
    Some(doc.and_then(|d| {
        if d.text.trim().is_empty() {
            Err(Error::Empty { path: d.origin })
        } else {
            Ok(d)
        }
    }))
}

pub fn parse_json_line(
    name: &str,
    line_no: usize,
    line: &str,
    opts: &ReadOptions,
) -> Result<InputDoc> {
    let bad = |message: String| Error::JsonLine {
        path: name.to_string(),
        line: line_no,
        message,
    };
    // a line is read into the fields we use only: the text is taken as it is in the line when
    // it has no escapes, and the other fields are skipped unbuilt
    if !line.trim_start().starts_with('{') {
        // not an object: the message says so only when the line is JSON at all
        serde_json::from_str::<serde::de::IgnoredAny>(line).map_err(|e| bad(e.to_string()))?;
        return Err(bad("not a JSON object".into()));
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let fields = serde::Deserializer::deserialize_map(&mut de, LineVisitor)
        .and_then(|f| de.end().map(|_| f))
        .map_err(|e| bad(e.to_string()))?;
    let (key, field) = match (fields.text, fields.html) {
        (Some(t), _) if !matches!(t, LineField::Null) => ("text", t),
        (_, Some(h)) if !matches!(h, LineField::Null) => ("html", h),
        _ => {
            return Err(Error::MissingText {
                path: name.to_string(),
                line: line_no,
            });
        }
    };
    let LineField::Str(text) = field else {
        return Err(bad(format!("\"{key}\" is not a string")));
    };
    let text = text.into_owned();
    if text.len() as u64 > opts.max_doc_bytes {
        return Err(Error::TooLarge {
            path: format!("{name}:{line_no}"),
            size: text.len() as u64,
            limit: opts.max_doc_bytes,
        });
    }
    let string = |k: &str, v: Option<LineField>| -> Result<Option<String>> {
        match v {
            None | Some(LineField::Null) => Ok(None),
            Some(LineField::Str(s)) => Ok(Some(s.into_owned())),
            Some(_) => Err(bad(format!("\"{k}\" is not a string"))),
        }
    };
    let id = match fields.id {
        Some(LineField::Str(s)) if !s.trim().is_empty() => s.into_owned(),
        Some(LineField::Number(n)) => n,
        None | Some(LineField::Null) | Some(LineField::Str(_)) => format!(
            "{}:{line_no}",
            Path::new(name)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("stdin")
        ),
        Some(_) => return Err(bad("\"id\" is not a string or a number".into())),
    };
    let published = match string("published", fields.published)? {
        Some(p) => Some(
            parse_date(&p).ok_or_else(|| bad(format!("\"published\": {}", Error::BadDate(p))))?,
        ),
        None => None,
    };
    let mut doc = InputDoc {
        given: Given {
            id,
            title: string("title", fields.title)?,
            published,
            url: string("url", fields.url)?,
            source: string("source", fields.source)?,
        },
        text,
        origin: format!("{name}:{line_no}"),
        from_html: false,
    };
    if key == "html" {
        from_html(&mut doc);
    }
    Ok(doc)
}

/// A value of a JSON-lines field, as far as reading a document needs to know it.
enum LineField<'a> {
    Null,
    Str(std::borrow::Cow<'a, str>),
    /// A number, written as JSON writes it.
    Number(String),
    /// An object, array or boolean (skipped unbuilt).
    Other,
}

/// The fields of one JSON line that make a document; a key given twice keeps its last value,
/// as JSON readers do.
#[derive(Default)]
struct LineFields<'a> {
    text: Option<LineField<'a>>,
    html: Option<LineField<'a>>,
    id: Option<LineField<'a>>,
    title: Option<LineField<'a>>,
    published: Option<LineField<'a>>,
    url: Option<LineField<'a>>,
    source: Option<LineField<'a>>,
}

struct FieldVisitor;

impl<'de> serde::de::Visitor<'de> for FieldVisitor {
    type Value = LineField<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Str(std::borrow::Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Str(std::borrow::Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Str(std::borrow::Cow::Owned(v)))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Number(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Number(
            serde_json::Number::from_f64(v).map_or_else(String::new, |n| n.to_string()),
        ))
    }
    fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Null)
    }
    fn visit_bool<E>(self, _: bool) -> std::result::Result<Self::Value, E> {
        Ok(LineField::Other)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(LineField::Other)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(LineField::Other)
    }
}

impl<'de> serde::Deserialize<'de> for LineField<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

/// Reads the fields of a line's top-level object.
struct LineVisitor;

impl<'de> serde::de::Visitor<'de> for LineVisitor {
    type Value = LineFields<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut f = LineFields::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let slot = match key.as_ref() {
                "text" => &mut f.text,
                "html" => &mut f.html,
                "id" => &mut f.id,
                "title" => &mut f.title,
                "published" => &mut f.published,
                "url" => &mut f.url,
                "source" => &mut f.source,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(f)
    }
}
