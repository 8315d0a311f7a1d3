//! The serializable output of `extract` for one document: entities, events and relations, each
//! with evidence (document id, offsets in the text as given, the sentence). `merge` builds the
//! graph from any number of these.
use crate::document::DocMeta;
use crate::time::TimeMention;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const EXTRACT_SCHEMA: &str = "shiji.extract/1";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Product,
    Place,
    Work,
}

impl EntityType {
    /// The prefix of the node id (`person:张明`, `org:谷歌`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "org",
            EntityType::Product => "product",
            EntityType::Place => "place",
            EntityType::Work => "work",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "person" | "per" | "PER" | "nr" => EntityType::Person,
            "organization" | "org" | "ORG" | "nt" | "company" => EntityType::Organization,
            "product" => EntityType::Product,
            "place" | "loc" | "LOC" | "GPE" | "ns" | "location" => EntityType::Place,
            "work" => EntityType::Work,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Product => "product",
            EntityType::Place => "place",
            EntityType::Work => "work",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Founding,
    Funding,
    Acquisition,
    Listing,
    ProductLaunch,
    Development,
    Restructuring,
    Layoff,
    Join,
    Departure,
    Appointment,
    Relocation,
    Partnership,
    Bankruptcy,
    Legal,
    Interview,
    Publication,
    Statement,
    Other,
}

impl EventKind {
    pub fn parse(s: &str) -> Option<EventKind> {
        serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
    }
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Founding => "founding",
            EventKind::Funding => "funding",
            EventKind::Acquisition => "acquisition",
            EventKind::Listing => "listing",
            EventKind::ProductLaunch => "product_launch",
            EventKind::Development => "development",
            EventKind::Restructuring => "restructuring",
            EventKind::Layoff => "layoff",
            EventKind::Join => "join",
            EventKind::Departure => "departure",
            EventKind::Appointment => "appointment",
            EventKind::Relocation => "relocation",
            EventKind::Partnership => "partnership",
            EventKind::Bankruptcy => "bankruptcy",
            EventKind::Legal => "legal",
            EventKind::Interview => "interview",
            EventKind::Publication => "publication",
            EventKind::Statement => "statement",
            EventKind::Other => "other",
        }
    }
}

/// Shared, immutable text: the strings of evidence repeat (one sentence holds many mentions, one
/// document many sentences, a corpus the same sentence in many documents), and a clone of it is
/// a count, not a copy. It compares, orders and serializes as the text.
pub type SharedStr = std::sync::Arc<str>;

/// Which of a document's texts an evidence span points into.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TextField {
    /// The text as given (the file after decoding, or a JSON line's `text`).
    #[default]
    Text,
    /// The `title` given beside a text that does not contain it (a JSON line's `title`): a
    /// headline often states the article's main event, so it is read too.
    Title,
}

impl TextField {
    pub fn is_text(&self) -> bool {
        *self == TextField::Text
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TextField::Text => "text",
            TextField::Title => "title",
        }
    }
}

impl Evidence {
    /// `doc:start-end`, or `doc:title:start-end` for a span in the given title: where a
    /// reader finds the span.
    pub fn locator(&self) -> String {
        match self.field {
            TextField::Text => format!("{}:{}-{}", self.doc, self.start, self.end),
            TextField::Title => format!("{}:title:{}-{}", self.doc, self.start, self.end),
        }
    }
}

/// Where a node or edge came from: the document, the span in the text as given (chars, end
/// exclusive) or, where `field` says `title`, in the given title; the span's text, the
/// sentence, and the rule that made it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: SharedStr,
    #[serde(default, skip_serializing_if = "TextField::is_text")]
    pub field: TextField,
    pub start: usize,
    pub end: usize,
    pub text: SharedStr,
    pub sentence: SharedStr,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub rule: SharedStr,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedEntity {
    /// Stable node id: `{prefix}:{name}`.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub mentions: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Participant {
    /// Entity node id.
    pub entity: String,
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedEvent {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EventKind,
    pub name: String,
    pub date: Option<TimeMention>,
    pub confidence: f32,
    pub rule: String,
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, serde_json::Value>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedRelation {
    pub source: String,
    pub target: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub evidence: Vec<Evidence>,
}

/// The output of `extract` for one document (one JSON line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocExtract {
    /// The document id (also in `doc`), first so that line-oriented tools find it.
    pub id: String,
    pub schema: String,
    pub doc: DocMeta,
    pub entities: Vec<ExtractedEntity>,
    pub events: Vec<ExtractedEvent>,
    pub relations: Vec<ExtractedRelation>,
}
