//! timeline.json and timeline.md: events sorted by the first day they cover (then by their
//! place in the text), undated events last.
use crate::graph::{KnowledgeGraph, Node, date_key};
use crate::model::Evidence;
use crate::time::TimeMention;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineParticipant {
    pub id: String,
    pub name: String,
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub id: String,
    pub date: Option<TimeMention>,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub confidence: Option<f32>,
    pub participants: Vec<TimelineParticipant>,
    pub evidence: Vec<Evidence>,
}

fn first_position(n: &Node) -> (String, usize) {
    n.evidence
        .first()
        .map_or((String::new(), 0), |e| (e.doc.clone(), e.start))
}

pub fn entries(g: &KnowledgeGraph) -> Vec<TimelineEntry> {
    let mut events: Vec<&Node> = g.nodes().filter(|n| n.kind == "event").collect();
    events.sort_by(|a, b| {
        date_key(a)
            .0
            .cmp(&date_key(b).0)
            .then(date_key(a).1.cmp(&date_key(b).1))
            .then(first_position(a).cmp(&first_position(b)))
            .then(a.id.cmp(&b.id))
    });
    events
        .into_iter()
        .map(|n| TimelineEntry {
            id: n.id.clone(),
            date: n.date.clone(),
            kind: n.node_type.clone(),
            name: n.name.clone(),
            confidence: n.confidence,
            participants: g
                .edges_from(&n.id)
                .into_iter()
                .map(|e| TimelineParticipant {
                    id: e.target.clone(),
                    name: g
                        .node(&e.target)
                        .map_or(e.target.clone(), |t| t.name.clone()),
                    role: e.edge_type.clone(),
                })
                .collect(),
            evidence: n.evidence.clone(),
        })
        .collect()
}

pub fn timeline_json(g: &KnowledgeGraph) -> String {
    let mut s = serde_json::to_string_pretty(&entries(g)).expect("timeline serializes");
    s.push('\n');
    s
}

/// A Markdown table cell: pipes escaped, line breaks flattened.
pub fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

pub fn date_label(d: Option<&TimeMention>) -> String {
    match d {
        None => "undated".into(),
        Some(t) => match t.modifier {
            Some(m) => format!(
                "{} ({})",
                t.value,
                serde_json::to_value(m)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_lowercase))
                    .unwrap_or_default()
            ),
            None => t.value.clone(),
        },
    }
}

pub fn timeline_md(g: &KnowledgeGraph) -> String {
    let mut out = String::from("# Timeline\n\n");
    let titles: Vec<String> = g
        .documents
        .iter()
        .map(|d| d.title.clone().unwrap_or_else(|| d.id.clone()))
        .collect();
    if !titles.is_empty() {
        out.push_str(&format!(
            "Sources: {}\n\n",
            titles
                .iter()
                .map(|t| cell(t))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    out.push_str(&table_md(&entries(g)));
    out
}

/// The Markdown table of timeline entries: date, type, event, participants, first evidence.
pub fn table_md(entries: &[TimelineEntry]) -> String {
    let mut out =
        String::from("| Date | Type | Event | Participants | Evidence |\n|---|---|---|---|---|\n");
    for e in entries {
        let parts = e
            .participants
            .iter()
            .map(|p| format!("{} ({})", p.name, p.role))
            .collect::<Vec<_>>()
            .join(", ");
        let ev = e.evidence.first().map_or(String::new(), |x| {
            format!("{}:{}-{}", x.doc, x.start, x.end)
        });
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&date_label(e.date.as_ref())),
            e.kind,
            cell(&e.name),
            cell(&parts),
            cell(&ev)
        ));
    }
    out
}
