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

/// The words of a two-column table (word, kind) split by kind: one list per name of `kinds`, in
/// that order, each in file order. Any other kind is an error naming the file and line.
pub fn read_words_by_kind<const N: usize>(
    dir: Option<&Path>,
    name: &str,
    embedded: &'static str,
    column: &str,
    kinds: [&str; N],
) -> Result<[Vec<String>; N]> {
    let (file, text) = read_override(dir, name, embedded)?;
    let mut out: [Vec<String>; N] = std::array::from_fn(|_| Vec::new());
    for r in parse_tsv(&file, &text, 2)? {
        let kind = r.fields[1].trim();
        let Some(i) = kinds.iter().position(|k| *k == kind) else {
            return Err(Error::data(
                &file,
                r.line,
                format!("{column} must be {}, not {kind:?}", kinds.join("|")),
            ));
        };
        out[i].push(r.fields[0].to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_by_their_kind_and_an_unknown_kind_names_its_line() {
        const TABLE: &str = "# a comment\nword\tside\n向\tbefore\n的\tafter\n对\tbefore\n";
        let [before, after] =
            read_words_by_kind(None, "t.tsv", TABLE, "side", ["before", "after"]).unwrap();
        assert_eq!(
            (before, after),
            (vec!["向".into(), "对".into()], vec!["的".into()])
        );
        const BAD: &str = "word\tside\n向\tbefore\n的\tbehind\n";
        let e = read_words_by_kind(None, "t.tsv", BAD, "side", ["before", "after"]).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("data/t.tsv") && msg.contains("side must be before|after"),
            "{msg}"
        );
    }
}
