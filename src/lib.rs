//! shiji (史记): news articles in, a dated event timeline and an entity knowledge graph out.
pub mod error;
pub mod time;

pub use error::{Error, Result};
