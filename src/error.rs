//! Typed errors of the library. The CLI adds context (file, line) and maps them to exit codes.
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A line of a data file (lexicon, trigger table, time table) that does not parse.
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Input bytes that cannot be decoded as text in any supported encoding.
    #[error("{path}: cannot decode as text ({reason})")]
    Decode { path: String, reason: String },
    /// An input that is empty once decoded and cleaned.
    #[error("{path}: empty document")]
    Empty { path: String },
    /// Binary content (NUL bytes, control characters) where text was expected.
    #[error("{path}: binary file, not text")]
    Binary { path: String },
    #[error("{path}: document of {size} bytes is over the limit of {limit} bytes")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}:{line}: invalid JSON line: {message}")]
    JsonLine {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}: JSON line has no \"text\" field")]
    MissingText { path: String, line: usize },
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    BadDate(String),
    #[error("{0}")]
    Output(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
    pub fn data(file: &str, line: usize, message: impl Into<String>) -> Self {
        Error::Data {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
