//! Inputs: files, folders (recursively, by extension), JSON-lines corpora, and stdin.
use crate::document::clean::{Given, parse_date};
use crate::document::load::decode;
use crate::{Error, Result};
use std::collections::BTreeSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Extensions read from folders.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];
pub const DEFAULT_MAX_DOC_BYTES: u64 = 50 * 1024 * 1024;

/// One document to extract: what the caller knows of it and its decoded text.
#[derive(Clone, Debug)]
pub struct InputDoc {
    pub given: Given,
    pub text: String,
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
/// loops refused), files as they are.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            let mut seen = BTreeSet::new();
            walk(p, &mut seen, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, seen: &mut BTreeSet<PathBuf>, out: &mut Vec<PathBuf>) -> Result<()> {
    let real = std::fs::canonicalize(dir).map_err(|e| Error::io(dir, e))?;
    if !seen.insert(real) {
        return Err(Error::io(
            dir,
            std::io::Error::other("symbolic link loop: this folder was already read"),
        ));
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .map(|e| e.map(|e| e.path()).map_err(|err| Error::io(dir, err)))
        .collect::<Result<_>>()?;
    entries.sort();
    for p in entries {
        let meta = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?;
        if meta.is_dir() {
            walk(&p, seen, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
    Ok(())
}

fn file_id(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("doc")
        .to_string()
}

/// Reads one file: a JSON-lines corpus gives one document a line, any other file one document.
pub fn read_file(path: &Path, opts: &ReadOptions) -> Result<Vec<InputDoc>> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let is_jsonl = path.extension().and_then(|e| e.to_str()) == Some("jsonl");
    if !is_jsonl && meta.len() > opts.max_doc_bytes {
        return Err(Error::TooLarge {
            path: name,
            size: meta.len(),
            limit: opts.max_doc_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if is_jsonl {
        return read_jsonl(&name, std::io::Cursor::new(bytes), opts);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { path: name });
    }
    let text = decode(&name, &bytes, opts.encoding.as_deref())?;
    Ok(vec![InputDoc {
        given: Given {
            id: file_id(path),
            ..Given::default()
        },
        text,
    }])
}

/// JSON lines `{"id", "text" | "html", "published"?, "title"?, "url"?, "source"?}`.
pub fn read_jsonl<R: BufRead>(name: &str, reader: R, opts: &ReadOptions) -> Result<Vec<InputDoc>> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::io(name, e))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(parse_json_line(name, i + 1, &line, opts)?);
    }
    Ok(out)
}

pub fn parse_json_line(
    name: &str,
    line_no: usize,
    line: &str,
    opts: &ReadOptions,
) -> Result<InputDoc> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::JsonLine {
        path: name.to_string(),
        line: line_no,
        message: e.to_string(),
    })?;
    let text = v
        .get("text")
        .or_else(|| v.get("html"))
        .and_then(|t| t.as_str())
        .ok_or(Error::MissingText {
            path: name.to_string(),
            line: line_no,
        })?
        .to_string();
    if text.len() as u64 > opts.max_doc_bytes {
        return Err(Error::TooLarge {
            path: format!("{name}:{line_no}"),
            size: text.len() as u64,
            limit: opts.max_doc_bytes,
        });
    }
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!(
            "{}:{line_no}",
            Path::new(name)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("stdin")
        ),
    };
    let published = match field("published") {
        Some(p) => Some(parse_date(&p).ok_or_else(|| Error::JsonLine {
            path: name.to_string(),
            line: line_no,
            message: format!("\"published\": {}", Error::BadDate(p)),
        })?),
        None => None,
    };
    Ok(InputDoc {
        given: Given {
            id,
            title: field("title"),
            published,
            url: field("url"),
            source: field("source"),
        },
        text,
    })
}
