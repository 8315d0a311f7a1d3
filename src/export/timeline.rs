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

fn first_position(n: &Node) -> (&str, usize) {
    n.evidence.first().map_or(("", 0), |e| (&*e.doc, e.start))
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
    let mut out = Vec::new();
    write_timeline_json(g, &mut out).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("utf-8 in, utf-8 out")
}

/// timeline.json into `w` (the text is never held whole).
pub fn write_timeline_json(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &entries(g))?;
    w.write_all(b"\n")
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
    let mut out = Vec::new();
    write_timeline_md(g, &mut out).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("utf-8 in, utf-8 out")
}

/// timeline.md into `w`, a row at a time.
pub fn write_timeline_md(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    w.write_all(b"# Timeline\n\n")?;
    if !g.documents.is_empty() {
        w.write_all(b"Sources: ")?;
        for (i, d) in g.documents.iter().enumerate() {
            if i > 0 {
                w.write_all(b"; ")?;
            }
            w.write_all(cell(d.title.as_deref().unwrap_or(&d.id)).as_bytes())?;
        }
        w.write_all(b"\n\n")?;
    }
    write_table_md(&entries(g), w)
}

/// The Markdown table of timeline entries: date, type, event, participants, first evidence.
pub fn table_md(entries: &[TimelineEntry]) -> String {
    let mut out = Vec::new();
    write_table_md(entries, &mut out).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("utf-8 in, utf-8 out")
}

/// [`table_md`] into `w`, a row at a time.
pub fn write_table_md(
    entries: &[TimelineEntry],
    w: &mut impl std::io::Write,
) -> std::io::Result<()> {
    w.write_all(b"| Date | Type | Event | Participants | Evidence |\n|---|---|---|---|---|\n")?;
    for e in entries {
        let parts = e
            .participants
            .iter()
            .map(|p| format!("{} ({})", p.name, p.role))
            .collect::<Vec<_>>()
            .join(", ");
        let ev = e.evidence.first().map_or(String::new(), |x| x.locator());
        writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            cell(&date_label(e.date.as_ref())),
            e.kind,
            cell(&e.name),
            cell(&parts),
            cell(&ev)
        )?;
    }
    Ok(())
}
