//! Merge: any number of document extracts → one knowledge graph (petgraph `StableGraph`).
//! Deterministic and order-independent: the result depends on the set of extracts only.
use crate::document::DocMeta;
use crate::model::*;
use crate::time::TimeMention;
use petgraph::stable_graph::{NodeIndex, StableGraph};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    /// `entity` or `event`.
    pub kind: String,
    #[serde(rename = "type")]
    pub node_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<TimeMention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, Value>,
    pub documents: Vec<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub key: usize,
    #[serde(rename = "type")]
    pub edge_type: String,
    pub evidence: Vec<Evidence>,
}

pub struct KnowledgeGraph {
    pub graph: StableGraph<Node, Edge>,
    pub index: BTreeMap<String, NodeIndex>,
    pub documents: Vec<DocMeta>,
}

fn sort_evidence(ev: &mut Vec<Evidence>) {
    ev.sort();
    ev.dedup_by(|a, b| a.doc == b.doc && a.start == b.start && a.end == b.end);
}

/// Union-find over entity ids: two entities of one type that share a name or alias are one.
struct Aliases {
    parent: BTreeMap<String, String>,
}

impl Aliases {
    fn find(&mut self, id: &str) -> String {
        let mut cur = id.to_string();
        while let Some(p) = self.parent.get(&cur) {
            if *p == cur {
                break;
            }
            cur = p.clone();
        }
        cur
    }
    fn union(&mut self, a: &str, b: &str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // the smaller id is the root: the result does not depend on the order of unions
            let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(child, root);
        }
    }
}

/// Builds the graph. Entities merge by id, and by a shared name or alias within one type;
/// events merge by id (type, date, key participant); edges merge by (source, target, type).
pub fn merge(extracts: &[DocExtract]) -> KnowledgeGraph {
    let mut docs: Vec<&DocExtract> = extracts.iter().collect();
    docs.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));

    // 1. which entity ids are one entity
    let mut aliases = Aliases {
        parent: BTreeMap::new(),
    };
    let mut surface_owner: BTreeMap<(EntityType, String), String> = BTreeMap::new();
    let mut all_entities: BTreeMap<String, Vec<&ExtractedEntity>> = BTreeMap::new();
    for d in &docs {
        for e in &d.entities {
            all_entities.entry(e.id.clone()).or_default().push(e);
        }
    }
    for (id, group) in &all_entities {
        aliases
            .parent
            .entry(id.clone())
            .or_insert_with(|| id.clone());
        for e in group {
            for s in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let key = (e.kind, crate::entity::normalize_width(s).to_lowercase());
                match surface_owner.get(&key) {
                    Some(other) => {
                        let other = other.clone();
                        aliases.union(&other, id);
                    }
                    None => {
                        surface_owner.insert(key, id.clone());
                    }
                }
            }
        }
    }
    // the canonical id of a group: the member named most often as `name`, then the smallest
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for id in all_entities.keys() {
        groups.entry(aliases.find(id)).or_default().push(id.clone());
    }
    let mut canonical: BTreeMap<String, String> = BTreeMap::new();
    for members in groups.values() {
        let best = members
            .iter()
            .max_by(|a, b| {
                let ca = all_entities[*a]
                    .iter()
                    .map(|e| e.mentions.len())
                    .sum::<usize>();
                let cb = all_entities[*b]
                    .iter()
                    .map(|e| e.mentions.len())
                    .sum::<usize>();
                ca.cmp(&cb).then(b.cmp(a))
            })
            .cloned()
            .unwrap_or_default();
        for m in members {
            canonical.insert(m.clone(), best.clone());
        }
    }
    let canon = |id: &str| canonical.get(id).cloned().unwrap_or_else(|| id.to_string());

    // 2. nodes
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for d in &docs {
        for e in &d.entities {
            let id = canon(&e.id);
            let node = nodes.entry(id.clone()).or_insert_with(|| Node {
                id: id.clone(),
                kind: "entity".into(),
                node_type: e.kind.as_str().into(),
                subtype: None,
                name: id
                    .split_once(':')
                    .map_or(e.name.clone(), |(_, n)| n.to_string()),
                aliases: Some(Vec::new()),
                mentions: Some(0),
                date: None,
                confidence: None,
                rule: None,
                attributes: BTreeMap::new(),
                documents: Vec::new(),
                evidence: Vec::new(),
            });
            if node.subtype.is_none()
                || (e.id == id
                    && e.subtype.is_some()
                    && node.subtype.as_deref() > e.subtype.as_deref())
            {
                node.subtype = node.subtype.clone().or(e.subtype.clone());
            }
            let al = node.aliases.get_or_insert_with(Vec::new);
            al.extend(e.aliases.iter().cloned());
            if e.name != node.name {
                al.push(e.name.clone());
            }
            node.evidence.extend(e.mentions.iter().cloned());
            node.documents.push(d.doc.id.clone());
        }
        for ev in &d.events {
            let node = nodes.entry(ev.id.clone()).or_insert_with(|| Node {
                id: ev.id.clone(),
                kind: "event".into(),
                node_type: ev.kind.as_str().into(),
                subtype: None,
                name: ev.name.clone(),
                aliases: None,
                mentions: None,
                date: ev.date.clone(),
                confidence: Some(ev.confidence),
                rule: Some(ev.rule.clone()),
                attributes: BTreeMap::new(),
                documents: Vec::new(),
                evidence: Vec::new(),
            });
            // the earliest evidence names the event, whatever the order of documents
            let first = ev.evidence.first().map(|e| (e.doc.clone(), e.start));
            let current = node.evidence.first().map(|e| (e.doc.clone(), e.start));
            if current.is_some() && first < current {
                node.name = ev.name.clone();
                node.date = ev.date.clone();
                node.rule = Some(ev.rule.clone());
            }
            node.confidence = Some(node.confidence.unwrap_or(0.0).max(ev.confidence));
            for (k, v) in &ev.attributes {
                node.attributes
                    .entry(k.clone())
                    .or_insert_with(|| v.clone());
            }
            node.evidence.extend(ev.evidence.iter().cloned());
            sort_evidence(&mut node.evidence);
            node.documents.push(d.doc.id.clone());
        }
    }
    for n in nodes.values_mut() {
        sort_evidence(&mut n.evidence);
        n.documents.sort();
        n.documents.dedup();
        if let Some(al) = n.aliases.as_mut() {
            al.sort();
            al.dedup();
            al.retain(|a| *a != n.name);
        }
        if n.kind == "entity" {
            n.mentions = Some(n.evidence.len());
        }
    }

    // 3. edges: event → participant (role), entity → entity (relation)
    let mut edges: BTreeMap<(String, String, String), Vec<Evidence>> = BTreeMap::new();
    for d in &docs {
        for ev in &d.events {
            for p in &ev.participants {
                let target = canon(&p.entity);
                // the sentences of the event as a set: a mention × evidence scan is quadratic
                // on a long document whose events repeat
                let sentences: std::collections::HashSet<&str> =
                    ev.evidence.iter().map(|x| x.sentence.as_str()).collect();
                let evid: Vec<Evidence> = d
                    .entities
                    .iter()
                    .find(|e| e.id == p.entity)
                    .map(|e| {
                        e.mentions
                            .iter()
                            .filter(|m| sentences.contains(m.sentence.as_str()))
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default();
                let evid = if evid.is_empty() {
                    ev.evidence.clone()
                } else {
                    evid
                };
                edges
                    .entry((ev.id.clone(), target, p.role.clone()))
                    .or_default()
                    .extend(evid);
            }
        }
        for r in &d.relations {
            edges
                .entry((canon(&r.source), canon(&r.target), r.kind.clone()))
                .or_default()
                .extend(r.evidence.iter().cloned());
        }
    }

    let mut graph = StableGraph::new();
    let mut index = BTreeMap::new();
    // entities by id, then events by date and id
    let mut ordered: Vec<Node> = nodes.into_values().collect();
    ordered.sort_by(|a, b| {
        (a.kind != "entity")
            .cmp(&(b.kind != "entity"))
            .then_with(|| date_key(a).cmp(&date_key(b)))
            .then_with(|| a.id.cmp(&b.id))
    });
    for n in ordered {
        let id = n.id.clone();
        let ix = graph.add_node(n);
        index.insert(id, ix);
    }
    let mut keys: BTreeMap<(String, String), usize> = BTreeMap::new();
    for ((s, t, kind), mut evidence) in edges {
        let (Some(&si), Some(&ti)) = (index.get(&s), index.get(&t)) else {
            continue;
        };
        if s == t {
            continue;
        }
        sort_evidence(&mut evidence);
        let k = keys.entry((s.clone(), t.clone())).or_insert(0);
        graph.add_edge(
            si,
            ti,
            Edge {
                source: s,
                target: t,
                key: *k,
                edge_type: kind,
                evidence,
            },
        );
        *k += 1;
    }
    let mut documents: Vec<DocMeta> = docs.iter().map(|d| d.doc.clone()).collect();
    documents.dedup_by(|a, b| a.id == b.id);
    KnowledgeGraph {
        graph,
        index,
        documents,
    }
}

/// Sort key of an event: the first day it covers (undated last).
pub fn date_key(n: &Node) -> (bool, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    match n.date.as_ref().and_then(|d| d.from) {
        Some(from) => (false, Some(from), n.date.as_ref().and_then(|d| d.to)),
        None => (true, None, None),
    }
}

impl KnowledgeGraph {
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_indices().map(move |i| &self.graph[i])
    }
    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.graph.edge_indices().map(move |i| &self.graph[i])
    }
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.graph[i])
    }
    /// Outgoing edges of a node.
    pub fn edges_from(&self, id: &str) -> Vec<&Edge> {
        let mut v: Vec<&Edge> = self.edges().filter(|e| e.source == id).collect();
        v.sort_by(|a, b| (&a.target, &a.edge_type).cmp(&(&b.target, &b.edge_type)));
        v
    }
    /// Edge set from the node-link JSON (graph.json), for commands that read outputs back.
    pub fn from_json(v: &GraphJson) -> KnowledgeGraph {
        let mut graph = StableGraph::new();
        let mut index = BTreeMap::new();
        for n in &v.nodes {
            let ix = graph.add_node(n.clone());
            index.insert(n.id.clone(), ix);
        }
        for e in &v.edges {
            if let (Some(&s), Some(&t)) = (index.get(&e.source), index.get(&e.target)) {
                graph.add_edge(s, t, e.clone());
            }
        }
        KnowledgeGraph {
            graph,
            index,
            documents: v.graph.documents.clone(),
        }
    }
    /// The ids of the entity nodes connected to `id` through `part_of` or an event.
    pub fn neighbours(&self, id: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for e in self.edges() {
            if e.source == id {
                out.insert(e.target.clone());
            }
            if e.target == id {
                out.insert(e.source.clone());
            }
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphMeta {
    pub schema: String,
    pub generator: String,
    pub documents: Vec<DocMeta>,
}

/// graph.json: node-link, as `networkx.node_link_graph(data, edges="edges")` reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphJson {
    pub directed: bool,
    pub multigraph: bool,
    pub graph: GraphMeta,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}
