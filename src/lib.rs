//! shiji (史记): news articles in, a dated event timeline and an entity knowledge graph out.
pub mod data;
pub mod document;
pub mod entity;
pub mod error;
pub mod ner;
pub mod time;

pub use error::{Error, Result};
pub mod corpus;
pub mod event;
pub mod export;
pub mod graph;
pub mod input;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod words;
