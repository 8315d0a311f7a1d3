//! Views over a built graph: one entity's timeline, and the evidence behind a node.
use crate::export::timeline::{TimelineEntry, date_label, entries};
use crate::graph::{KnowledgeGraph, Node};
use crate::model::DocExtract;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// What `shiji timeline` keeps.
#[derive(Clone, Debug, Default)]
pub struct TimelineFilter {
    /// A node id, name or alias.
    pub entity: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub types: Vec<String>,
    pub min_confidence: Option<f32>,
}

/// The entity node that `key` names: an id, a name, or an alias (case-insensitive for Latin).
pub fn find_entity<'g>(g: &'g KnowledgeGraph, key: &str) -> Option<&'g Node> {
    if let Some(n) = g.node(key) {
        return Some(n);
    }
    let lower = key.to_lowercase();
    let matches = |n: &&Node| {
        n.kind == "entity"
            && (n.name.to_lowercase() == lower
                || n.aliases
                    .as_ref()
                    .is_some_and(|a| a.iter().any(|x| x.to_lowercase() == lower)))
    };
    // a name shared by several types: the most mentioned wins
    g.nodes()
        .filter(matches)
        .max_by_key(|n| (n.mentions.unwrap_or(0), std::cmp::Reverse(n.id.clone())))
}

/// The entity and what belongs to it: entities `part_of` it and the products it develops.
fn family(g: &KnowledgeGraph, id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::from([id.to_string()]);
    for e in g.edges() {
        if e.edge_type == "part_of" && e.target == id {
            out.insert(e.source.clone());
        }
        if e.edge_type == "develops" && e.source == id {
            out.insert(e.target.clone());
        }
    }
    out
}

/// The timeline entries that pass the filter, in timeline order. `Err` names an entity that
/// the graph does not hold.
pub fn filtered_timeline(
    g: &KnowledgeGraph,
    f: &TimelineFilter,
) -> Result<Vec<TimelineEntry>, String> {
    let family = match &f.entity {
        Some(key) => {
            let n = find_entity(g, key)
                .ok_or_else(|| format!("no entity named {key:?} in the graph"))?;
            Some(family(g, &n.id))
        }
        None => None,
    };
    Ok(entries(g)
        .into_iter()
        .filter(|e| {
            family
                .as_ref()
                .is_none_or(|fam| e.participants.iter().any(|p| fam.contains(&p.id)))
        })
        .filter(|e| f.types.is_empty() || f.types.contains(&e.kind))
        .filter(|e| {
            f.min_confidence
                .is_none_or(|m| e.confidence.unwrap_or(1.0) >= m)
        })
        .filter(|e| {
            // an event is kept when the days it covers meet the range; undated ones only unfiltered
            let (Some(from), Some(to)) = (
                e.date.as_ref().and_then(|d| d.from),
                e.date.as_ref().and_then(|d| d.to),
            ) else {
                return f.from.is_none() && f.to.is_none();
            };
            f.from.is_none_or(|x| to >= x) && f.to.is_none_or(|x| from <= x)
        })
        .collect())
}

/// A plain-text table for the terminal.
pub fn timeline_table(entries: &[TimelineEntry]) -> String {
    let mut out = String::new();
    for e in entries {
        let parts = e
            .participants
            .iter()
            .map(|p| format!("{}({})", p.name, p.role))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!(
            "{:<18} {:<15} {}  [{}]\n",
            date_label(e.date.as_ref()),
            e.kind,
            e.name,
            parts
        ));
    }
    out
}

pub fn timeline_md(entries: &[TimelineEntry]) -> String {
    crate::export::timeline::table_md(entries)
}

/// A sentence with the span `text` marked ⟦so⟧ (the first occurrence).
/// `doc:start-end (rule): sentence with the span marked`, as `explain` lists evidence (see
/// [`crate::model::Evidence::locator`]).
fn evidence_line(e: &crate::model::Evidence) -> String {
    format!(
        "{} ({}): {}",
        e.locator(),
        e.rule,
        mark(&e.sentence, &e.text)
    )
}

fn mark(sentence: &str, text: &str) -> String {
    match sentence.find(text) {
        Some(i) if !text.is_empty() => format!(
            "{}⟦{}⟧{}",
            &sentence[..i],
            text,
            &sentence[i + text.len()..]
        ),
        _ => sentence.to_string(),
    }
}

/// `shiji explain`: a node's (or an edge's) evidence, each sentence with its span marked, and
/// the rule that made it.
pub fn explain(g: &KnowledgeGraph, id: &str) -> Result<String, String> {
    let n = g
        .node(id)
        .or_else(|| find_entity(g, id))
        .ok_or_else(|| format!("no node {id:?} in the graph"))?;
    let mut out = format!("{}  [{} {}]  {}\n", n.id, n.kind, n.node_type, n.name);
    if let Some(d) = &n.date {
        out.push_str(&format!(
            "date: {} (from {:?}, text {:?})\n",
            date_label(Some(d)),
            d.from,
            d.text
        ));
    }
    if let Some(r) = &n.rule {
        out.push_str(&format!("rule: {r}\n"));
    }
    if let Some(c) = n.confidence {
        out.push_str(&format!("confidence: {c}\n"));
    }
    for e in &n.evidence {
        out.push_str(&format!("- {}\n", evidence_line(e)));
    }
    let edges: Vec<_> = g
        .edges()
        .filter(|e| e.source == n.id || e.target == n.id)
        .collect();
    if !edges.is_empty() {
        out.push_str("edges:\n");
        for e in edges {
            out.push_str(&format!(
                "  {} -[{}]-> {}\n",
                e.source, e.edge_type, e.target
            ));
            for ev in &e.evidence {
                out.push_str(&format!("    {}\n", evidence_line(ev)));
            }
        }
    }
    Ok(out)
}

/// Drops events under `min` confidence (and the relations nothing else supports stay).
pub fn drop_low_confidence(extracts: &mut [DocExtract], min: f32) {
    for x in extracts {
        x.events.retain(|e| e.confidence >= min);
    }
}
