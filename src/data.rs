//! Plain data files (TSV) that hold the language knowledge, embedded at build time and
//! overridable from a user's folder.
use crate::{Error, Result};
use std::path::Path;

/// One data row with its 1-based line number, for errors that name the line.
pub struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// Parses a TSV: `#` lines and blank lines are skipped, the first other line is the header.
/// Every row must have at least `min_cols` fields (trailing optional fields may be absent).
pub fn parse_tsv<'a>(file: &str, content: &'a str, min_cols: usize) -> Result<Vec<Row<'a>>> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in content.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < min_cols || fields[0].trim().is_empty() {
            return Err(Error::data(
                file,
                i + 1,
                format!(
                    "expected at least {min_cols} tab-separated fields, found {}",
                    fields.len()
                ),
            ));
        }
        rows.push(Row {
            line: i + 1,
            fields,
        });
    }
    Ok(rows)
}

/// Reads `dir/name` when the user gave a data folder that holds it, else the embedded text.
pub fn read_override(
    dir: Option<&Path>,
    name: &str,
    embedded: &'static str,
) -> Result<(String, String)> {
    if let Some(dir) = dir {
        let path = dir.join(name);
        if path.exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            return Ok((path.display().to_string(), text));
        }
    }
    Ok((format!("data/{name}"), embedded.to_string()))
}

/// The first column of a word list (`dir/name` or the embedded text), in file order.
pub fn read_words<C: FromIterator<String>>(
    dir: Option<&Path>,
    name: &str,
    embedded: &'static str,
) -> Result<C> {
    let (file, text) = read_override(dir, name, embedded)?;
    Ok(parse_tsv(&file, &text, 1)?
        .iter()
        .map(|r| r.fields[0].to_string())
        .collect())
}
